package io.streamgate.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamgate.api.Scope;
import io.streamgate.app.config.ConfigLayer;
import io.streamgate.app.config.ConfigLoader;
import io.streamgate.app.config.ConfigSchema;
import io.streamgate.app.config.StreamgateConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The whole process with the embedded Kafka: resource files seeded at startup, the file store in the data directory,
 * the generated admin token, the admin API changing the running chain, the audit log.
 */
class ManagedInterceptorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @TempDir
    Path resources;

    @Test
    void seedsResourcesBeforeServingAppliesApiChangesLiveAndKeepsThemAcrossARestart() throws Exception {
        Files.writeString(resources.resolve("tag.yaml"), """
                kind: Interceptor
                metadata: {name: tag}
                spec: {plugin: inject-headers, config: {headers: {x-seeded: "yes"}}}
                """);
        int port = GatewayPorts.freePair();
        try (StreamgateApplication application = new StreamgateApplication(config(port, true))) {
            application.start();
            int adminPort = application.adminPort();
            await().atMost(Duration.ofSeconds(30)).until(() -> get(adminPort, "/health/ready", null).statusCode() == 200);

            Path tokenFile = dataDir.resolve("admin-token");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile))).isEqualTo("rw-------");
            String token = Files.readString(tokenFile).trim();
            assertThat(get(adminPort, "/api/v1/interceptors", null).statusCode()).isEqualTo(401);
            JsonNode items = JSON.readTree(get(adminPort, "/api/v1/interceptors", token).body()).get("items");
            assertThat(items).hasSize(1);
            assertThat(items.get(0).at("/metadata/updatedBy").asText()).isEqualTo("seed:tag.yaml");
            assertThat(Files.exists(dataDir.resolve("resources/resources.json"))).isTrue();

            try (KafkaProducer<String, String> producer = producer("localhost:" + port)) {
                producer.send(new ProducerRecord<>("managed", "one")).get();
                HttpResponse<String> put = put(adminPort, token, """
                        {"kind": "Interceptor", "metadata": {"name": "tag"},
                         "spec": {"plugin": "inject-headers", "config": {"headers": {"x-seeded": "changed"}}}}""");
                assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
                await().atMost(Duration.ofSeconds(1)).until(() -> application.gateway().orElseThrow().interceptors()
                        .find("tag", Scope.GLOBAL)
                        .map(definition -> definition.config().toString().contains("changed")).orElse(false));
                producer.send(new ProducerRecord<>("managed", "two")).get();
            }
            assertThat(headerValues("localhost:" + port)).containsExactly("yes", "changed");
            assertThat(Files.readString(dataDir.resolve("admin-audit.log")))
                    .contains("\"actor\":\"local-admin\"", "\"outcome\":\"UPDATED\"");
        }

        try (StreamgateApplication restarted = new StreamgateApplication(config(port, false))) {
            restarted.start();
            String token = Files.readString(dataDir.resolve("admin-token")).trim();
            JsonNode items = JSON.readTree(get(restarted.adminPort(), "/api/v1/interceptors", token).body())
                    .get("items");
            assertThat(items.get(0).at("/spec/config/headers/x-seeded").asText()).isEqualTo("changed");
            assertThat(restarted.gateway().orElseThrow().interceptors().definitions()).hasSize(1);
        }
    }

    @Test
    void seedsServiceAccountsWhoseTokensOutliveARestartWithTheGeneratedSigningKey() throws Exception {
        Files.writeString(resources.resolve("accounts.yaml"), """
                kind: ServiceAccount
                metadata: {name: orders-app}
                spec: {type: LOCAL}
                ---
                kind: Group
                metadata: {name: payments}
                spec: {members: [orders-app]}
                """);
        int port = GatewayPorts.freePair();
        String minted;
        try (StreamgateApplication application = new StreamgateApplication(config(port, true))) {
            application.start();
            String token = Files.readString(dataDir.resolve("admin-token")).trim();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + application.adminPort() + "/api/v1/tokens"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"serviceAccount\": \"orders-app\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            minted = JSON.readTree(response.body()).get("token").asText();
            assertThat(application.identityDirectory().orElseThrow().authenticatePlain("orders-app", minted).groups())
                    .containsExactly("payments");
        }
        Path keyFile = dataDir.resolve("token-signing-key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(Files.readString(dataDir.resolve("admin-audit.log"))).contains("MINT_TOKEN").doesNotContain(minted);

        try (StreamgateApplication restarted = new StreamgateApplication(config(port, false))) {
            restarted.start();
            assertThat(restarted.identityDirectory().orElseThrow().authenticatePlain("orders-app", minted)
                    .serviceAccount()).contains("orders-app");
        }
    }

    @Test
    void anInvalidResourceFileFailsStartupNamingItsFileAndStoresNothing() throws Exception {
        Files.writeString(resources.resolve("a-good.yaml"), """
                kind: Interceptor
                metadata: {name: good}
                spec: {plugin: inject-headers, config: {headers: {x: y}}}
                """);
        Files.writeString(resources.resolve("b-bad.yaml"), """
                kind: Interceptor
                metadata: {name: bad}
                spec: {plugin: inject-headers, config: {headers: {x: "{{team}}"}}}
                """);
        StreamgateApplication application = new StreamgateApplication(config(GatewayPorts.freePair(), true));

        assertThatThrownBy(application::start).isInstanceOf(StartupException.class)
                .hasMessageStartingWith("resources in " + resources + ": b-bad.yaml, document 1: spec.config.headers.x");
        application.awaitStopped();
        Path storeFile = dataDir.resolve("resources/resources.json");
        assertThat(!Files.exists(storeFile) || !Files.readString(storeFile).contains("good"))
                .as("the valid document before the invalid one is not stored either").isTrue();
    }

    private StreamgateConfig config(int port, boolean seed) {
        ConfigLayer.Builder flags = ConfigLayer.builder(ConfigSchema.streamgate())
                .set("port", Integer.toString(port), "test")
                .set("adminPort", "0", "test")
                .set("dataDir", dataDir.toString(), "test")
                .set("brokerPorts.maxBrokers", "1", "test");
        if (seed) {
            flags.set("resourcesDir", resources.toString(), "test");
        }
        return new ConfigLoader(Map.of()).load(Optional.empty(), flags.build());
    }

    private HttpResponse<String> get(int port, String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> put(int port, String token, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/interceptors"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static KafkaProducer<String, String> producer(String bootstrapServers) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new StringSerializer());
    }

    private static List<String> headerValues(String bootstrapServers) {
        TopicPartition partition = new TopicPartition("managed", 0);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < 2 && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    Header header = record.headers().lastHeader("x-seeded");
                    values.add(header == null ? null : new String(header.value(), StandardCharsets.UTF_8));
                }
            }
            return values;
        }
    }
}
