package io.streamgate.it.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamgate.it.ItCluster;
import io.streamgate.it.Records;
import io.streamgate.testing.junit.GatewayExtension;
import io.streamgate.testing.junit.KafkaClusterExtension;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.streamgate.it.Records.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** librdkafka, through kcat: metadata, produce, and consume in a group with committed offsets. */
class KcatCompatibilityIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = ItCluster.KAFKA;

    @RegisterExtension
    static final GatewayExtension GATEWAY = GatewayExtension.inFrontOf(KAFKA);

    @BeforeAll
    static void kcatIsInstalled() {
        ExternalTool.require(ExternalTool.onPath("kcat"), "kcat (librdkafka)", "apt-get install kcat");
    }

    @Test
    void listsMetadataWithGatewayAddressesOnly() throws Exception {
        String topic = unique("kcat-meta");
        Records.createTopic(GATEWAY.clients().admin(), topic, 3);

        ExternalTool.Result result = kcat(List.of("-L", "-J", "-t", topic), "");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode metadata = new ObjectMapper().readTree(result.stdout());
        List<String> brokers = new ArrayList<>();
        metadata.get("brokers").forEach(broker -> brokers.add(broker.get("name").asText()));
        assertThat(brokers).containsExactlyInAnyOrderElementsOf(GATEWAY.gateway().brokerPorts().values().stream()
                .map(port -> "localhost:" + port).toList());
        assertThat(metadata.get("topics").get(0).get("partitions")).hasSize(3);
    }

    @Test
    void producesAndConsumesInAGroupAndCommits() throws Exception {
        String topic = unique("kcat");
        String group = unique("kcat-group");
        Records.createTopic(GATEWAY.clients().admin(), topic, 3);
        String input = IntStream.range(0, 100).mapToObj(i -> "key-" + i + ":kcat-" + i)
                .collect(Collectors.joining("\n", "", "\n"));

        ExternalTool.Result produced = kcat(List.of("-P", "-t", topic, "-K", ":", "-X", "acks=all"), input);
        assertThat(produced.exitCode()).as(produced.toString()).isZero();

        ExternalTool.Result consumed = kcat(List.of("-G", group, "-o", "beginning", "-c", "100", "-f", "%k=%s\\n",
                "-X", "enable.auto.commit=true", "-X", "auto.commit.interval.ms=100", topic), "");
        assertThat(consumed.exitCode()).as(consumed.toString()).isZero();
        assertThat(consumed.stdout().lines().toList()).hasSize(100).contains("key-0=kcat-0", "key-99=kcat-99");

        await("kcat's commits are visible").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<TopicPartition, OffsetAndMetadata> committed = GATEWAY.clients().admin()
                    .listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            assertThat(committed.values().stream().mapToLong(OffsetAndMetadata::offset).sum()).isEqualTo(100);
        });
    }

    private static ExternalTool.Result kcat(List<String> arguments, String stdin) throws Exception {
        List<String> command = new ArrayList<>(List.of("kcat", "-b", GATEWAY.bootstrapServers(), "-m", "30"));
        command.addAll(arguments);
        return ExternalTool.run(command, null, stdin, Duration.ofSeconds(90));
    }
}
