/**
 * The admin HTTP server: liveness and readiness probes, the Prometheus scrape endpoint, the OpenAPI document and
 * the management API ({@link io.streamgate.admin.api}), kept apart from the Kafka listener so that operators can
 * watch and manage the gateway without speaking the Kafka protocol.
 */
package io.streamgate.admin;
