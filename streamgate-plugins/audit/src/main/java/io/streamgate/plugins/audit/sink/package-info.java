/**
 * Where audit events go: a JSON-lines file or a Kafka topic, each fed by its own background writer thread
 * through a bounded queue that drops (and counts) events rather than ever block the gateway.
 */
package io.streamgate.plugins.audit.sink;
