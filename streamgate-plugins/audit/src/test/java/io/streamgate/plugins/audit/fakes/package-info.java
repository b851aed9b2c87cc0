/**
 * Test doubles for the plugins of this module: a connection, an interceptor context, a plugin context and a
 * hook registry that behave as the gateway does, plus record and schema conveniences.
 */
package io.streamgate.plugins.audit.fakes;
