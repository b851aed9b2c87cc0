/**
 * The Kafka protocol as the gateway uses it: which APIs and versions it can handle, decoding and encoding
 * with kafka-clients' generated message classes, and walking a response by its schema without decoding it.
 */
package io.streamgate.core.protocol;
