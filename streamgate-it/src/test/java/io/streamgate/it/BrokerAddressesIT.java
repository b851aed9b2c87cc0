package io.streamgate.it;

import io.streamgate.testing.junit.GatewayExtension;
import io.streamgate.testing.junit.KafkaClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.streamgate.it.Records.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Clients only ever learn gateway addresses, and every broker has its own deterministic gateway port. */
class BrokerAddressesIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = ItCluster.KAFKA;

    @RegisterExtension
    static final GatewayExtension GATEWAY = GatewayExtension.inFrontOf(KAFKA);

    @Test
    void eachBrokerGetsTheBootstrapPortPlusOnePlusItsDistanceFromTheLowestNodeId() {
        int bootstrapPort = GATEWAY.gateway().bootstrapAddress().getPort();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(GATEWAY.gateway().brokerPorts())
                .isEqualTo(Map.of(1, bootstrapPort + 1, 2, bootstrapPort + 2, 3, bootstrapPort + 3)));
    }

    @Test
    void metadataNamesOnlyGatewayAddresses() throws Exception {
        Admin admin = GATEWAY.clients().admin();
        String topic = unique("addresses");
        Records.createTopic(admin, topic, 6);

        TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);

        for (TopicPartitionInfo partition : description.partitions()) {
            assertThat(partition.leader().host()).isEqualTo("localhost");
            assertThat(partition.replicas()).extracting(Node::port)
                    .allMatch(port -> GATEWAY.gateway().brokerPorts().containsValue(port));
        }
    }

    @Test
    void groupCoordinatorsAreGatewayAddressesToo() throws Exception {
        String group = unique("coordinated");
        String topic = unique("coordinated-topic");
        Records.createTopic(GATEWAY.clients().admin(), topic, 1);
        KafkaConsumer<String, String> consumer = GATEWAY.clients().consumer(group, Map.of("group.protocol", "classic"));
        consumer.subscribe(List.of(topic));
        await("joined the group").atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(100));
            return !consumer.assignment().isEmpty();
        });

        Node coordinator = GATEWAY.clients().admin().describeConsumerGroups(List.of(group)).describedGroups().get(group)
                .get().coordinator();

        assertThat(coordinator.host()).isEqualTo("localhost");
        assertThat(GATEWAY.gateway().brokerPorts()).containsEntry(coordinator.id(), coordinator.port());
    }
}
