/**
 * Test doubles for unit-testing interceptor plugins against the {@code streamgate-api} SPI, with neither a
 * gateway nor a broker: {@link io.streamgate.plugins.testkit.RegisteredHooks} collects the hooks an
 * interceptor registers and calls them as the gateway would, with a
 * {@link io.streamgate.plugins.testkit.FakeInterceptorContext} over a
 * {@link io.streamgate.plugins.testkit.FakeConnection}; {@link io.streamgate.plugins.testkit.FakePluginContext}
 * is what {@code InterceptorPlugin.create} receives; {@link io.streamgate.plugins.testkit.ConfigSchemas} checks
 * configurations against a plugin's schema. Everything runs on the calling thread.
 */
package io.streamgate.plugins.testkit;
