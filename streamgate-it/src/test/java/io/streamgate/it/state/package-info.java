/**
 * Integration tests of the resource store that need a real Kafka cluster: several
 * {@link io.streamgate.state.kafka.KafkaResourceStore} instances sharing one compacted topic.
 */
package io.streamgate.it.state;
