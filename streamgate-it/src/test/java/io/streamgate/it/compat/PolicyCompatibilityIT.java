package io.streamgate.it.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamgate.api.Scope;
import io.streamgate.core.chain.InterceptorDefinition;
import io.streamgate.it.ItCluster;
import io.streamgate.it.Records;
import io.streamgate.testing.junit.GatewayExtension;
import io.streamgate.testing.junit.KafkaClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.streamgate.it.Records.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The policies refuse and throttle non-Java clients too: librdkafka (through kcat) and kafkajs see the Kafka
 * errors and throttle times a broker would send them.
 *
 * <p>Topic creation is checked with kafkajs only: kcat cannot create topics. kafkajs keeps only the error code of
 * CreateTopics and Produce responses, not their error message, and librdkafka reports a delivery failure by its
 * error code's text, so these clients see the policy's error (POLICY_VIOLATION, INVALID_REQUIRED_ACKS), not the
 * policy's message, which the Java client ITs in {@code io.streamgate.it.policy} check.
 */
class PolicyCompatibilityIT {

    private static final Path SCRIPT_DIR = Path.of("src", "test", "kafkajs").toAbsolutePath();
    private static final int PRODUCE_BYTES_PER_SECOND = 100_000;

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = ItCluster.KAFKA;

    @RegisterExtension
    static final GatewayExtension GATEWAY = GatewayExtension.inFrontOf(KAFKA);

    @BeforeAll
    static void toolsAreInstalled() {
        ExternalTool.require(ExternalTool.onPath("kcat"), "kcat (librdkafka)", "apt-get install kcat");
        ExternalTool.require(ExternalTool.onPath("node") && Files.isDirectory(SCRIPT_DIR.resolve("node_modules/kafkajs")),
                "node with kafkajs", "npm ci --prefix streamgate-it/src/test/kafkajs");
    }

    @AfterEach
    void removeInterceptors() {
        GATEWAY.gateway().interceptors().replaceAll(List.of());
    }

    @Test
    void kafkajsIsRefusedTooManyPartitionsAndCreatesAllowedOnes() throws Exception {
        install("topic-guard", "create-topic-policy", Map.of("partitions", Map.of("max", 3)));
        String refused = unique("compat-policy-refused");
        String allowed = unique("compat-policy-allowed");

        JsonNode tooMany = kafkajs("create-topic.js", refused, "10");
        assertThat(tooMany.get("created").asBoolean()).as(tooMany.toString()).isFalse();
        assertThat(tooMany.get("type").asText()).isEqualTo("POLICY_VIOLATION");
        JsonNode three = kafkajs("create-topic.js", allowed, "3");
        assertThat(three.get("created").asBoolean()).as(three.toString()).isTrue();

        try (Admin direct = Admin.create(Map.of("bootstrap.servers", KAFKA.cluster().bootstrapServers()))) {
            assertThat(direct.listTopics().names().get()).contains(allowed).doesNotContain(refused);
            assertThat(direct.describeTopics(List.of(allowed)).allTopicNames().get().get(allowed).partitions())
                    .hasSize(3);
        }
    }

    @Test
    void kcatIsRefusedAcksOneAndProducesWithAcksAll() throws Exception {
        String topic = createTopic("compat-acks");
        install("produce-guard", "produce-policy", Map.of("acks", Map.of("allowed", List.of(-1))));

        ExternalTool.Result acksOne = kcatProduce(topic, List.of("-X", "acks=1"), lines(10, 10));
        assertThat(acksOne.exitCode()).as(acksOne.toString()).isNotZero();
        assertThat(acksOne.stderr()).containsIgnoringCase("Invalid required acks");
        ExternalTool.Result acksAll = kcatProduce(topic, List.of("-X", "acks=all"), lines(10, 10));
        assertThat(acksAll.exitCode()).as(acksAll.toString()).isZero();
    }

    @Test
    void kafkajsIsRefusedAcksOneAndProducesWithAcksAll() throws Exception {
        String topic = createTopic("compat-acks-js");
        install("produce-guard", "produce-policy", Map.of("acks", Map.of("allowed", List.of(-1))));

        JsonNode acksOne = kafkajs("produce.js", topic, "1", "1", "10", "10", "acks-one");
        assertThat(acksOne.get("produced").asInt()).as(acksOne.toString()).isZero();
        assertThat(acksOne.get("type").asText()).isEqualTo("INVALID_REQUIRED_ACKS");
        JsonNode acksAll = kafkajs("produce.js", topic, "-1", "1", "10", "10", "acks-all");
        assertThat(acksAll.get("produced").asInt()).as(acksAll.toString()).isEqualTo(10);
        assertThat(acksAll.has("error")).isFalse();
    }

    /**
     * 1 MB at 100 kB/s takes about 9 s past the one-second burst; 4 s leaves room for a slow machine. librdkafka
     * pipelines its produce requests (up to 1,000,000 in flight by default): the requests it sent behind a throttled
     * one, before that one's throttle time came back, are held by the gateway too.
     */
    @Test
    void kcatIsThrottledByTheProduceRateLimit() throws Exception {
        String topic = createTopic("compat-rate");
        install("tenant-quotas", "rate-limit-policy",
                Map.of("key", "clientId", "produceBytesPerSecond", PRODUCE_BYTES_PER_SECOND));

        long started = System.nanoTime();
        ExternalTool.Result produced = kcatProduce(topic, List.of("-X", "client.id=kcat-greedy", "-X", "acks=all",
                "-X", "batch.size=65536"), lines(1000, 1000));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        assertThat(produced.exitCode()).as(produced.toString()).isZero();
        assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void kafkajsIsThrottledByTheProduceRateLimit() throws Exception {
        String topic = createTopic("compat-rate-js");
        install("tenant-quotas", "rate-limit-policy",
                Map.of("key", "clientId", "produceBytesPerSecond", PRODUCE_BYTES_PER_SECOND));

        JsonNode produced = kafkajs("produce.js", topic, "-1", "10", "100", "1000", "kafkajs-greedy");

        assertThat(produced.get("produced").asInt()).as(produced.toString()).isEqualTo(1000);
        assertThat(produced.get("elapsedMs").asLong()).isGreaterThanOrEqualTo(4000);
    }

    private static void install(String name, String plugin, Map<String, Object> config) {
        GATEWAY.gateway().interceptors().put(new InterceptorDefinition(name, plugin, 100, Scope.GLOBAL, config, null));
    }

    private static String createTopic(String prefix) {
        String topic = unique(prefix);
        Records.createTopic(GATEWAY.clients().admin(), topic, 1);
        return topic;
    }

    private static String lines(int count, int bytes) {
        return IntStream.range(0, count).mapToObj(i -> "x".repeat(bytes)).collect(Collectors.joining("\n", "", "\n"));
    }

    private static ExternalTool.Result kcatProduce(String topic, List<String> options, String input)
            throws Exception {
        List<String> command = new ArrayList<>(List.of("kcat", "-b", GATEWAY.bootstrapServers(), "-m", "30", "-P",
                "-t", topic, "-X", "message.send.max.retries=0"));
        command.addAll(options);
        return ExternalTool.run(command, null, input, Duration.ofSeconds(90));
    }

    private static JsonNode kafkajs(String script, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", script, GATEWAY.bootstrapServers()));
        command.addAll(List.of(arguments));
        ExternalTool.Result result = ExternalTool.run(command, SCRIPT_DIR, "", Duration.ofSeconds(120));
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return new ObjectMapper().readTree(result.stdout().lines().reduce((a, b) -> b).orElseThrow());
    }
}
