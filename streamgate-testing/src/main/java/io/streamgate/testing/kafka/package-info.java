/**
 * A real KRaft Kafka cluster of one or more nodes, each its own JVM process, for tests and benchmarks.
 */
package io.streamgate.testing.kafka;
