package io.streamgate.it.plugins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamgate.core.GatewayConfig;
import io.streamgate.it.ItCluster;
import io.streamgate.it.Records;
import io.streamgate.testing.clients.KafkaClients;
import io.streamgate.testing.junit.GatewayExtension;
import io.streamgate.testing.junit.KafkaClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.streamgate.it.Records.unique;
import static io.streamgate.it.plugins.PluginTraffic.install;
import static io.streamgate.it.plugins.PluginTraffic.producerSettings;
import static io.streamgate.it.plugins.PluginTraffic.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class AuditIT {

    private static final Path DATA_DIRECTORY = Path.of("target", "audit-it-" + UUID.randomUUID()).toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = ItCluster.KAFKA;

    @RegisterExtension
    static final GatewayExtension GATEWAY = GatewayExtension.inFrontOf(KAFKA)
            .configure(config -> config.withPlugins(new GatewayConfig.PluginsConfig(null, DATA_DIRECTORY)));

    private KafkaClients direct;

    @BeforeEach
    void connectDirectly() {
        direct = new KafkaClients(KAFKA.cluster().bootstrapServers());
    }

    @AfterEach
    void cleanUp() {
        direct.close();
        PluginTraffic.removeAll(GATEWAY);
    }

    @Test
    void writesAnEventPerChosenRequestToTheAuditTopicAndTheFile() throws Exception {
        String prefix = unique("audited");
        String topic = prefix + "-orders";
        String auditTopic = unique("audit-events");
        String file = "audit/" + prefix + ".jsonl";
        install(GATEWAY, "audit", "audit", Map.of("apis", List.of("CreateTopics", "Produce"), "topics", prefix + ".*",
                "topic", auditTopic, "file", file));
        Admin admin = GATEWAY.clients().admin(Map.of(AdminClientConfig.CLIENT_ID_CONFIG, "audit-it-admin"));

        Records.createTopic(admin, topic, 1);
        assertThatThrownBy(() -> admin.createTopics(List.of(new NewTopic(topic, 1, (short) 3))).all().get())
                .hasCauseInstanceOf(TopicExistsException.class);
        Records.createTopic(admin, unique("not-audited"), 1);
        KafkaProducer<String, String> producer = GATEWAY.clients().producer(producerSettings("lz4", true, "audit-it-producer"));
        for (int i = 0; i < 3; i++) {
            producer.send(new ProducerRecord<>(topic, "k" + i, "v" + i)).get();
        }
        Map<String, Object> fireAndForget = new HashMap<>(producerSettings("none", false, "audit-it-acks0"));
        fireAndForget.put(ProducerConfig.ACKS_CONFIG, "0");
        KafkaProducer<String, String> acks0 = GATEWAY.clients().producer(fireAndForget);
        acks0.send(new ProducerRecord<>(topic, "k", "fire-and-forget"));
        acks0.flush();

        List<JsonNode> events = awaitEvents(auditTopic);

        List<JsonNode> createTopics = events.stream().filter(e -> e.get("api").asText().equals("CreateTopics")).toList();
        assertThat(createTopics).hasSize(2).allSatisfy(event -> {
            assertThat(event.get("clientId").asText()).isEqualTo("audit-it-admin");
            assertThat(event.get("topics")).hasSize(1);
            assertThat(event.get("topics").get(0).asText()).isEqualTo(topic);
        });
        assertThat(createTopics).extracting(event -> event.get("outcome").asText()).containsExactlyInAnyOrder("ok", "error");
        assertThat(createTopics).filteredOn(event -> event.has("errors")).singleElement()
                .satisfies(event -> assertThat(event.get("errors").toString()).isEqualTo("{\"TOPIC_ALREADY_EXISTS\":1}"));

        List<JsonNode> produces = events.stream().filter(e -> e.get("api").asText().equals("Produce")).toList();
        assertThat(produces.stream().filter(e -> e.get("clientId").asText().equals("audit-it-producer")))
                .hasSizeGreaterThanOrEqualTo(3).allSatisfy(event -> assertThat(event.get("outcome").asText()).isEqualTo("ok"));
        assertThat(produces.stream().filter(e -> e.get("clientId").asText().equals("audit-it-acks0")))
                .singleElement().satisfies(event -> assertThat(event.get("outcome").asText()).isEqualTo("none"));

        assertThat(events).allSatisfy(event -> {
            assertThat(Instant.parse(event.get("time").asText())).isBefore(Instant.now());
            assertThat(event.get("gatewayHost").asText()).isNotBlank();
            assertThat(event.get("connectionId").asText()).isNotBlank();
            assertThat(event.get("clientAddress").asText()).startsWith("127.0.0.1:");
            assertThat(event.get("principal").asText()).isEqualTo("ANONYMOUS");
            assertThat(event.get("virtualCluster").isNull()).isTrue();
            assertThat(event.get("apiVersion").asInt()).isPositive();
            assertThat(event.get("topics").toString()).contains(prefix);
        });

        Path lines = DATA_DIRECTORY.resolve(file);
        await("audit file " + lines).atMost(Duration.ofSeconds(10))
                .until(() -> Files.exists(lines) && Files.readAllLines(lines).size() == events.size());
        List<JsonNode> fromFile = new ArrayList<>();
        for (String line : Files.readAllLines(lines)) {
            fromFile.add(JSON.readTree(line));
        }
        assertThat(fromFile).containsExactlyInAnyOrderElementsOf(events);

        assertThat(read(direct, topic, 4)).extracting(ConsumerRecord::value)
                .containsExactly("v0", "v1", "v2", "fire-and-forget");
    }

    /** The audit topic's events once they stop arriving: six or more, the same count twice a second apart. */
    private List<JsonNode> awaitEvents(String auditTopic) {
        List<JsonNode> events = new ArrayList<>();
        await("audit events in " + auditTopic).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    int before = events.size();
                    events.clear();
                    for (ConsumerRecord<String, String> record : PluginTraffic.readToEnd(direct, auditTopic)) {
                        events.add(JSON.readTree(record.value()));
                    }
                    return events.size() >= 6 && events.size() == before;
                });
        return events;
    }
}
