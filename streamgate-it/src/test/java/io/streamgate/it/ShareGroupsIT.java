package io.streamgate.it;

import io.streamgate.testing.junit.GatewayExtension;
import io.streamgate.testing.junit.KafkaClusterExtension;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.streamgate.it.Records.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** Share groups (KIP-932): ShareGroupHeartbeat, ShareFetch and ShareAcknowledge through the gateway. */
class ShareGroupsIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = ItCluster.KAFKA;

    @RegisterExtension
    static final GatewayExtension GATEWAY = GatewayExtension.inFrontOf(KAFKA);

    @Test
    void shareConsumerReceivesAndAcknowledgesRecords() throws Exception {
        String topic = unique("shared");
        String group = unique("share-group");
        Records.createTopic(GATEWAY.clients().admin(), topic, 2);
        // A new share group starts at the latest offset by default; start at the earliest instead.
        ConfigResource groupConfig = new ConfigResource(ConfigResource.Type.GROUP, group);
        GATEWAY.clients().admin().incrementalAlterConfigs(Map.of(groupConfig, List.of(new AlterConfigOp(
                new ConfigEntry("share.auto.offset.reset", "earliest"), AlterConfigOp.OpType.SET)))).all().get();
        KafkaProducer<String, String> producer = GATEWAY.clients().producer();
        for (int i = 0; i < 40; i++) {
            producer.send(new ProducerRecord<>(topic, "k" + i, "shared-" + i)).get();
        }

        KafkaShareConsumer<String, String> consumer = GATEWAY.clients().shareConsumer(group, Map.of());
        consumer.subscribe(List.of(topic));
        List<String> received = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (received.size() < 40 && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                received.add(record.value());
            }
            consumer.commitSync();
        }

        assertThat(received).hasSize(40).contains("shared-0", "shared-39");
    }
}
