package io.streamgate.testing.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a {@link KafkaCluster.Builder} was asked for, fixed at {@code build()}.
 *
 * @param saslUsers SASL user names and passwords; empty when there is no SASL listener
 * @param brokerProperties extra server properties for every node, applied last so that they win
 * @param features feature levels passed to storage format
 */
record ClusterSpec(
        int brokers,
        boolean sslListener,
        Map<String, String> saslUsers,
        Map<String, String> brokerProperties,
        Map<String, Short> features,
        String heap,
        List<String> jvmOptions,
        Duration startTimeout,
        String classpath) {

    ClusterSpec {
        saslUsers = Map.copyOf(saslUsers);
        brokerProperties = Map.copyOf(brokerProperties);
        features = Map.copyOf(features);
        jvmOptions = List.copyOf(jvmOptions);
    }

    boolean saslListener() {
        return !saslUsers.isEmpty();
    }

    /** Replication factor of internal and default topics: three copies when there are three nodes to hold them. */
    int replicationFactor() {
        return Math.min(3, brokers);
    }

    /** Min ISR of the transaction and share state topics: one node may be down without blocking them. */
    int internalTopicMinIsr() {
        return Math.min(2, brokers);
    }
}
