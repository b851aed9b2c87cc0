/**
 * The gateway engine: {@link io.streamgate.core.Gateway} serves a Kafka listener in front of an upstream
 * cluster, configured by {@link io.streamgate.core.GatewayConfig}.
 */
package io.streamgate.core;
