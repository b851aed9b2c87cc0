/**
 * Kafka's length-prefixed framing: splitting a byte stream into frames, and reading the few header fields
 * the gateway needs (api key, version, correlation id) without decoding the rest.
 */
package io.streamgate.core.frame;
