/**
 * The command line's side of the admin API: an HTTP client with clear errors, the credentials it sends, and how
 * answers are printed.
 */
package io.streamgate.app.client;
