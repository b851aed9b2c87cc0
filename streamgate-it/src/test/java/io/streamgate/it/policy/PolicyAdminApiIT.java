package io.streamgate.it.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamgate.app.StreamgateApplication;
import io.streamgate.app.config.ConfigLayer;
import io.streamgate.app.config.ConfigLoader;
import io.streamgate.app.config.ConfigSchema;
import io.streamgate.app.config.StreamgateConfig;
import io.streamgate.it.ItCluster;
import io.streamgate.testing.clients.KafkaClients;
import io.streamgate.testing.junit.KafkaClusterExtension;
import io.streamgate.testing.net.FreePorts;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

import static io.streamgate.it.Records.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Policies managed through the whole Streamgate's admin API: a policy whose configuration breaks its plugin's JSON
 * Schema, or a rule the plugin rejects, is refused with a 400 naming the field and saying what is wrong, and is not
 * installed; a valid one is installed and refuses what it should through the gateway.
 */
class PolicyAdminApiIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = ItCluster.KAFKA;

    private static final String TOKEN = "policy-admin-api-it-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dataDir;

    private static StreamgateApplication streamgate;
    private static int port;

    @BeforeAll
    static void start() {
        port = FreePorts.consecutive(1 + 8);
        ConfigLayer flags = ConfigLayer.builder(ConfigSchema.streamgate())
                .set("port", Integer.toString(port), "test")
                .set("adminPort", "0", "test")
                .set("bind", "127.0.0.1", "test")
                .set("dataDir", dataDir.toString(), "test")
                .set("brokerPorts.maxBrokers", "8", "test")
                .set("upstream.bootstrapServers", KAFKA.cluster().bootstrapServers(), "test")
                .build();
        StreamgateConfig config = new ConfigLoader(Map.of("STREAMGATE_ADMIN_TOKENS",
                "[{name: it, token: " + TOKEN + ", role: admin}]")).load(Optional.empty(), flags);
        streamgate = new StreamgateApplication(config);
        streamgate.start();
        await("ready").atMost(Duration.ofSeconds(60)).until(() -> streamgate.gateway().orElseThrow().isReady());
    }

    @AfterAll
    static void stop() {
        if (streamgate != null) {
            streamgate.close();
        }
    }

    @Test
    void refusesAConfigThatBreaksThePluginsSchemaNamingTheField() throws Exception {
        assertRefused(policy("bad-type", "create-topic-policy", "{\"partitions\": {\"max\": \"ten\"}}"),
                "spec.config.partitions.max");
        assertRefused(policy("bad-action", "produce-policy",
                "{\"acks\": {\"allowed\": [-1], \"action\": \"THROTTLE\"}}"), "spec.config.acks.action");
        assertRefused(policy("bad-key", "client-id-policy", "{\"pattern\": \"app-.*\", \"patern\": \"x\"}"),
                "spec.config");
        assertThat(installed()).doesNotContain("bad-type", "bad-action", "bad-key");
    }

    @Test
    void refusesARuleThePluginRejectsWithItsReason() throws Exception {
        JsonNode bounds = assertRefused(policy("inverted", "create-topic-policy",
                "{\"partitions\": {\"min\": 12, \"max\": 3}}"), "spec.config.partitions.min");
        assertThat(bounds.get("error").asText()).contains("is above partitions.max");
        JsonNode regex = assertRefused(policy("bad-regex", "consumer-group-policy",
                "{\"groupId\": {\"pattern\": \"team-(\"}}"), "spec.config.groupId.pattern");
        assertThat(regex.get("error").asText()).contains("Unclosed group");
        JsonNode noLimit = assertRefused(policy("no-limit", "rate-limit-policy", "{\"key\": \"clientId\"}"),
                "spec.config.produceBytesPerSecond");
        assertThat(noLimit.get("error").asText()).contains("set at least one limit");
        assertThat(installed()).doesNotContain("inverted", "bad-regex", "no-limit");
    }

    @Test
    void installsAValidPolicyThatThenRefusesThroughTheGateway() throws Exception {
        HttpResponse<String> created = put(policy("partition-cap", "create-topic-policy",
                "{\"partitions\": {\"max\": 12}}"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        try (KafkaClients clients = new KafkaClients("127.0.0.1:" + port)) {
            await("installed").atMost(Duration.ofSeconds(5)).until(() -> installed().contains("partition-cap"));
            assertThatThrownBy(() -> clients.admin().createTopics(List.of(new NewTopic(unique("wide"), 48,
                    (short) 3))).all().get())
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(PolicyViolationException.class)
                    .hasMessageContaining("partitions 48 is above the maximum of 12");
        } finally {
            send("DELETE", "/api/v1/interceptors/partition-cap", null);
        }
    }

    private static String policy(String name, String plugin, String config) {
        return "{\"kind\": \"Interceptor\", \"metadata\": {\"name\": \"" + name + "\"}, \"spec\": {\"plugin\": \""
                + plugin + "\", \"config\": " + config + "}}";
    }

    /** Puts {@code resource}, expects a 400 naming {@code field} (if not null), and returns the error body. */
    private static JsonNode assertRefused(String resource, String field) throws Exception {
        HttpResponse<String> response = put(resource);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("error").asText()).as(response.body()).isNotBlank();
        if (field != null) {
            assertThat(body.get("field").asText()).as(response.body()).isEqualTo(field);
        }
        return body;
    }

    private static List<String> installed() throws IOException, InterruptedException {
        return streamgate.gateway().orElseThrow().interceptors().definitions().stream()
                .map(definition -> definition.name()).toList();
    }

    private static HttpResponse<String> put(String resource) throws IOException, InterruptedException {
        return send("PUT", "/api/v1/interceptors", resource);
    }

    private static HttpResponse<String> send(String method, String path, String body)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + streamgate.adminPort() + path))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(15))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
