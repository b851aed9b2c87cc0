/**
 * Audit events: what one is made of, how it is written as JSON, and what is read from requests (topics) and
 * responses (error codes) to fill it.
 */
package io.streamgate.plugins.audit.event;
