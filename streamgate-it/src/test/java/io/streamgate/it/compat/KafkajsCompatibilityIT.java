package io.streamgate.it.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamgate.it.ItCluster;
import io.streamgate.testing.junit.GatewayExtension;
import io.streamgate.testing.junit.KafkaClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.streamgate.it.Records.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** kafkajs, a pure JavaScript client: create a topic, produce, consume in a group, commit, fetch offsets. */
class KafkajsCompatibilityIT {

    private static final Path SCRIPT_DIR = Path.of("src", "test", "kafkajs").toAbsolutePath();

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = ItCluster.KAFKA;

    @RegisterExtension
    static final GatewayExtension GATEWAY = GatewayExtension.inFrontOf(KAFKA);

    @BeforeAll
    static void kafkajsIsInstalled() {
        ExternalTool.require(ExternalTool.onPath("node") && Files.isDirectory(SCRIPT_DIR.resolve("node_modules/kafkajs")),
                "node with kafkajs", "npm ci --prefix streamgate-it/src/test/kafkajs");
    }

    @Test
    void producesConsumesInAGroupAndCommits() throws Exception {
        ExternalTool.Result result = ExternalTool.run(List.of("node", "compat.js", GATEWAY.bootstrapServers(),
                unique("kafkajs"), unique("kafkajs-group"), "100"), SCRIPT_DIR, "", Duration.ofSeconds(120));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode summary = new ObjectMapper().readTree(result.stdout().lines().reduce((a, b) -> b).orElseThrow());
        assertThat(summary.get("received").asInt()).isEqualTo(100);
        assertThat(summary.get("committed").asInt()).isEqualTo(100);
        List<String> brokers = new ArrayList<>();
        summary.get("brokers").forEach(broker -> brokers.add(broker.asText()));
        assertThat(brokers).containsExactlyInAnyOrderElementsOf(GATEWAY.gateway().brokerPorts().values().stream()
                .map(port -> "localhost:" + port).toList());
    }
}
