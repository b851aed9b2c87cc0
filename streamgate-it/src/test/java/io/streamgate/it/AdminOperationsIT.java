package io.streamgate.it;

import io.streamgate.testing.junit.GatewayExtension;
import io.streamgate.testing.junit.KafkaClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.streamgate.it.Records.consume;
import static io.streamgate.it.Records.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Admin operations through the gateway, as kafka-topics.sh, kafka-configs.sh and friends perform them. */
class AdminOperationsIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = ItCluster.KAFKA;

    @RegisterExtension
    static final GatewayExtension GATEWAY = GatewayExtension.inFrontOf(KAFKA);

    @Test
    void createsDescribesGrowsAndDeletesTopics() throws Exception {
        Admin admin = GATEWAY.clients().admin();
        String topic = unique("admin-topic");
        Records.createTopic(admin, topic, 2, 3, Map.of("retention.ms", "3600000"));

        TopicDescription described = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
        assertThat(described.partitions()).hasSize(2);
        assertThat(described.partitions().get(0).replicas()).hasSize(3);
        await().atMost(Duration.ofSeconds(20)).until(() -> admin.listTopics().names().get().contains(topic));

        admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(5))).all().get();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()).hasSize(5));

        admin.deleteTopics(List.of(topic)).all().get();
        await().atMost(Duration.ofSeconds(20)).until(() -> !admin.listTopics().names().get().contains(topic));
    }

    @Test
    void describesAndAltersTopicConfigs() throws Exception {
        Admin admin = GATEWAY.clients().admin();
        String topic = unique("configs");
        Records.createTopic(admin, topic, 1);
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);

        admin.incrementalAlterConfigs(Map.of(resource, List.of(
                new AlterConfigOp(new ConfigEntry("retention.ms", "7200000"), AlterConfigOp.OpType.SET),
                new AlterConfigOp(new ConfigEntry("cleanup.policy", "compact"), AlterConfigOp.OpType.SET)))).all().get();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertThat(config.get("retention.ms").value()).isEqualTo("7200000");
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
        });
    }

    @Test
    void describesTheClusterWithGatewayAddressesOnly() throws Exception {
        DescribeClusterResult cluster = GATEWAY.clients().admin().describeCluster();
        Collection<Node> nodes = cluster.nodes().get();

        assertThat(nodes).hasSize(3);
        assertThat(nodes).extracting(Node::host).containsOnly("localhost");
        assertThat(nodes).extracting(Node::port).containsExactlyInAnyOrderElementsOf(
                GATEWAY.gateway().brokerPorts().values());
        assertThat(cluster.controller().get().host()).isEqualTo("localhost");
        assertThat(cluster.clusterId().get()).isEqualTo(KAFKA.cluster().clusterId());
    }

    @Test
    void listsGroupsAndOffsetsAndDeletesRecords() throws Exception {
        Admin admin = GATEWAY.clients().admin();
        String topic = unique("offsets");
        String group = unique("listed-group");
        Records.createTopic(admin, topic, 1);
        KafkaProducer<String, String> producer = GATEWAY.clients().producer();
        for (int i = 0; i < 30; i++) {
            producer.send(new ProducerRecord<>(topic, "r" + i)).get();
        }
        KafkaConsumer<String, String> consumer = GATEWAY.clients().consumer(group);
        consumer.subscribe(List.of(topic));
        consume(consumer, 30, Duration.ofSeconds(30));
        consumer.commitSync();
        consumer.close(); // an empty group can be deleted at the end

        assertThat(admin.listGroups().all().get()).extracting(GroupListing::groupId).contains(group);

        TopicPartition partition = new TopicPartition(topic, 0);
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> latest =
                admin.listOffsets(Map.of(partition, OffsetSpec.latest())).all().get();
        assertThat(latest.get(partition).offset()).isEqualTo(30);

        admin.deleteRecords(Map.of(partition, RecordsToDelete.beforeOffset(12))).all().get();
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> earliest =
                admin.listOffsets(Map.of(partition, OffsetSpec.earliest())).all().get();
        assertThat(earliest.get(partition).offset()).isEqualTo(12);
        assertThat(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().get(partition).offset())
                .isEqualTo(30);
        admin.deleteConsumerGroups(Set.of(group)).all().get();
    }
}
