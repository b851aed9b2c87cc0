package io.streamgate.it;

import io.streamgate.testing.junit.GatewayExtension;
import io.streamgate.testing.junit.KafkaClusterExtension;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.streamgate.it.Records.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Client telemetry (KIP-714): the Java client pushes its metrics by default when the cluster subscribes to
 * them; through the gateway those pushes reach the broker's telemetry receiver, and nothing fails.
 */
class ClientTelemetryIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = ItCluster.KAFKA;

    @RegisterExtension
    static final GatewayExtension GATEWAY = GatewayExtension.inFrontOf(KAFKA);

    @Test
    void theJavaClientsTelemetryPushesReachTheBroker() throws Exception {
        ConfigResource subscription = new ConfigResource(ConfigResource.Type.CLIENT_METRICS, unique("all-producers"));
        GATEWAY.clients().admin().incrementalAlterConfigs(Map.of(subscription, List.of(
                new AlterConfigOp(new ConfigEntry("metrics", "org.apache.kafka.producer."), AlterConfigOp.OpType.SET),
                new AlterConfigOp(new ConfigEntry("interval.ms", "1000"), AlterConfigOp.OpType.SET)))).all().get();
        String topic = unique("telemetry");
        Records.createTopic(GATEWAY.clients().admin(), topic, 1);

        KafkaProducer<String, String> producer = GATEWAY.clients().producer();
        producer.send(new ProducerRecord<>(topic, "hello")).get();
        Uuid instanceId = producer.clientInstanceId(Duration.ofSeconds(30));

        await("a push from this producer reached the broker").atMost(Duration.ofSeconds(60)).until(() -> {
            try (Stream<java.nio.file.Path> files = Files.list(ItCluster.TELEMETRY_DIR)) {
                return files.anyMatch(file -> file.getFileName().toString().startsWith(instanceId.toString()));
            }
        });
        assertThat(GATEWAY.meters().find("streamgate.requests").tag("api", "PushTelemetry").counter())
                .as("pushes went through the gateway").isNotNull();
        assertThat(GATEWAY.meters().find("streamgate.errors").counters())
                .allSatisfy(counter -> assertThat(counter.count()).isZero());
    }
}
