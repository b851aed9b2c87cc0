/**
 * The shared store: {@link io.streamgate.state.kafka.KafkaResourceStore} keeps resources in a compacted,
 * single-partition Kafka topic that every gateway instance on the cluster writes to and tails.
 */
package io.streamgate.state.kafka;
