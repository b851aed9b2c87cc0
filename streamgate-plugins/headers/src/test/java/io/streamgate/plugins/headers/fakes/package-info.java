/**
 * Test data for the plugins of this module: records to feed hooks and ways to read them back, and Fetch and
 * ShareFetch messages. The fakes of the gateway itself come from {@code streamgate-plugin-testkit}.
 */
package io.streamgate.plugins.headers.fakes;
