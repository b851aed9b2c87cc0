/**
 * The plugin SPI for interceptor authors. An {@link io.streamgate.api.InterceptorPlugin}, found with
 * {@link java.util.ServiceLoader}, creates {@link io.streamgate.api.Interceptor}s that register typed or
 * generic {@link io.streamgate.api.Hooks hooks} on requests and responses, and return
 * {@link io.streamgate.api.RequestOutcome}s and {@link io.streamgate.api.ResponseOutcome}s. This module
 * depends on kafka-clients' message classes and nothing else, so third-party plugins build against it alone.
 */
package io.streamgate.api;
