/**
 * The built-in interceptor plugins (inject-headers, remove-headers, mask-fields, audit) installed on a real
 * gateway in front of the three-broker cluster, driven by real Java clients, with what reached Kafka read
 * directly from the brokers.
 */
package io.streamgate.it.plugins;
