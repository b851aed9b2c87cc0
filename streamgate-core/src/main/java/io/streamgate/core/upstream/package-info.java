/**
 * The gateway's side toward Kafka: opening connections to brokers with the configured Kafka security
 * settings, and watching the cluster's brokers for readiness and port mapping.
 */
package io.streamgate.core.upstream;
