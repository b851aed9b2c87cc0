/**
 * The {@code audit} interceptor plugin: one JSON event per request of the chosen APIs, users and topics,
 * paired with its response's outcome, written off the event loop to a Kafka topic and/or a JSON-lines file.
 */
package io.streamgate.plugins.audit;
