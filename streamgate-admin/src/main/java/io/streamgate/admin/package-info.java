/**
 * The admin HTTP server: liveness and readiness probes and the Prometheus scrape endpoint, kept apart from
 * the Kafka listener so that operators can watch the gateway without speaking the Kafka protocol.
 */
package io.streamgate.admin;
