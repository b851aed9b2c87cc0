package io.streamgate.it.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamgate.api.Scope;
import io.streamgate.app.StreamgateApplication;
import io.streamgate.app.config.ConfigLayer;
import io.streamgate.app.config.ConfigLoader;
import io.streamgate.app.config.ConfigSchema;
import io.streamgate.app.config.StreamgateConfig;
import io.streamgate.core.Gateway;
import io.streamgate.core.auth.AuthenticationFailedException;
import io.streamgate.it.ItCluster;
import io.streamgate.it.Records;
import io.streamgate.testing.clients.KafkaClients;
import io.streamgate.testing.junit.KafkaClusterExtension;
import io.streamgate.testing.leak.NettyLeaks;
import io.streamgate.testing.net.FreePorts;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.streamgate.it.Records.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two whole Streamgate processes (in this JVM) in front of the same cluster, sharing their resources through a
 * compacted topic ({@code store.type=kafka}): an interceptor created through one instance's admin API shows in the
 * other's API and applies to the next requests of a client already connected to the other, without dropping its
 * connection; a delete through the other removes it from the first. Service accounts are shared the same way, and
 * with a shared signing key a token minted by one instance is accepted, and revoked, everywhere.
 */
class SharedResourcesIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = ItCluster.KAFKA;

    /** How soon a change through one instance must be visible on the other, in its API and its chains. */
    private static final Duration PROPAGATION = Duration.ofSeconds(2);
    private static final String TOKEN = "shared-resources-it-token";
    /** The token signing key every instance is given, as instances sharing a Kafka store must be. */
    private static final String SIGNING_KEY = "c2hhcmVkLXJlc291cmNlcy1pdC1zaWduaW5nLWtleS0zMmI=";
    private static final int MAX_BROKERS = 8;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String resourceTopic = unique("_streamgate_resources_it");
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private long leaksBefore;
    private StreamgateApplication a;
    private StreamgateApplication b;

    @TempDir
    Path dataDirA;

    @TempDir
    Path dataDirB;

    @TempDir
    Path dataDirC;

    @BeforeEach
    void startTwoInstances() {
        leaksBefore = NettyLeaks.collect();
        a = start(dataDirA);
        b = start(dataDirB);
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        assertThat(NettyLeaks.collect() - leaksBefore).as("Netty buffer leaks").isZero();
    }

    @Test
    void anInterceptorPutThroughOneInstanceAppliesOnTheOthersExistingConnectionsAndADeleteThroughItRemovesItFromTheFirst()
            throws Exception {
        String topic = unique("shared");
        KafkaClients direct = closing(new KafkaClients(KAFKA.cluster().bootstrapServers()));
        Records.createTopic(direct.admin(), topic, 1);
        KafkaClients throughB = closing(new KafkaClients(gateway(b).bootstrapServers()));
        KafkaProducer<String, String> producer = throughB.producer(Map.of(ProducerConfig.LINGER_MS_CONFIG, 0));
        producer.send(new ProducerRecord<>(topic, "before")).get();
        double connectionsOpened = metric(producer, "connection-creation-total");
        int gatewayConnections = gateway(b).openConnections();

        long putAt = System.nanoTime();
        HttpResponse<String> put = send(a, "PUT", "/api/v1/interceptors", """
                {"kind": "Interceptor", "metadata": {"name": "shared-tag"},
                 "spec": {"plugin": "inject-headers", "priority": 10,
                          "config": {"topics": "%s", "headers": {"x-shared": "from-a"}}}}""".formatted(topic));
        long putReturned = System.nanoTime();
        assertThat(put.statusCode()).as(put.body()).isEqualTo(201);

        await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(20)).until(() ->
                items(b).size() == 1 && gateway(b).interceptors().find("shared-tag", Scope.GLOBAL).isPresent());
        long seenByB = System.nanoTime();
        assertThat(items(b).get(0).at("/metadata/updatedBy").asText()).isEqualTo("it");

        producer.send(new ProducerRecord<>(topic, "after")).get();

        long deleteAt = System.nanoTime();
        HttpResponse<String> delete = send(b, "DELETE", "/api/v1/interceptors/shared-tag", null);
        assertThat(delete.statusCode()).as(delete.body()).isEqualTo(204);
        await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(20)).until(() ->
                items(a).isEmpty() && gateway(a).interceptors().definitions().isEmpty());
        long goneFromA = System.nanoTime();
        await().atMost(PROPAGATION).until(() -> gateway(b).interceptors().definitions().isEmpty());

        producer.send(new ProducerRecord<>(topic, "deleted")).get();

        List<ConsumerRecord<String, String>> stored = read(direct, topic, 3);
        assertThat(stored).extracting(ConsumerRecord::value).containsExactly("before", "after", "deleted");
        assertThat(stored).extracting(record -> header(record, "x-shared")).containsExactly(null, "from-a", null);
        assertThat(metric(producer, "connection-creation-total")).as("the producer kept its connections")
                .isEqualTo(connectionsOpened);
        assertThat(metric(producer, "connection-close-total")).as("no connection was closed").isZero();
        assertThat(gateway(b).openConnections()).isEqualTo(gatewayConnections);
        System.out.printf("SharedResourcesIT: PUT through A returned in %.1f ms; B's API and chain had it %.1f ms "
                        + "after the PUT; DELETE through B reached A's API and chain after %.1f ms%n",
                (putReturned - putAt) / 1e6, (seenByB - putAt) / 1e6, (goneFromA - deleteAt) / 1e6);
    }

    @Test
    void anInstanceStartedLaterInstallsWhatTheOthersStored() throws Exception {
        HttpResponse<String> put = send(a, "PUT", "/api/v1/interceptors", """
                {"kind": "Interceptor", "metadata": {"name": "early", "scope": {"username": "alice"}},
                 "spec": {"plugin": "inject-headers", "config": {"headers": {"x-early": "yes"}}}}""");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(201);

        StreamgateApplication c = start(dataDirC);

        assertThat(gateway(c).interceptors().find("early", Scope.username("alice"))).isPresent();
        JsonNode chain = JSON.readTree(send(c, "POST", "/api/v1/interceptors/resolve",
                "{\"username\": \"alice\"}").body());
        assertThat(chain.get("interceptors")).hasSize(1);
    }

    @Test
    void aTokenMintedThroughOneInstanceAuthenticatesOnTheOtherUntilARevocationThroughIt() throws Exception {
        HttpResponse<String> account = send(a, "PUT", "/api/v1/service-accounts", """
                {"kind": "ServiceAccount", "metadata": {"name": "orders-app"}, "spec": {"type": "LOCAL"}}""");
        assertThat(account.statusCode()).as(account.body()).isEqualTo(201);
        HttpResponse<String> minted = send(a, "POST", "/api/v1/tokens", "{\"serviceAccount\": \"orders-app\"}");
        assertThat(minted.statusCode()).as(minted.body()).isEqualTo(201);
        String token = JSON.readTree(minted.body()).get("token").asText();

        await().atMost(PROPAGATION).until(() -> authenticates(b, token));
        HttpResponse<String> revoked = send(b, "POST", "/api/v1/service-accounts/orders-app/revoke-tokens", null);
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        await().atMost(PROPAGATION).until(() -> !authenticates(a, token));
    }

    private static boolean authenticates(StreamgateApplication instance, String token) {
        try {
            return instance.identityDirectory().orElseThrow().authenticatePlain("orders-app", token)
                    .serviceAccount().isPresent();
        } catch (AuthenticationFailedException e) {
            return false;
        }
    }

    private StreamgateApplication start(Path dataDir) {
        int port = FreePorts.consecutive(1 + MAX_BROKERS);
        ConfigLayer flags = ConfigLayer.builder(ConfigSchema.streamgate())
                .set("port", Integer.toString(port), "test")
                .set("adminPort", "0", "test")
                .set("bind", "127.0.0.1", "test")
                .set("dataDir", dataDir.toString(), "test")
                .set("brokerPorts.maxBrokers", Integer.toString(MAX_BROKERS), "test")
                .set("upstream.bootstrapServers", KAFKA.cluster().bootstrapServers(), "test")
                .set("ioThreads", "2", "test")
                .set("store.type", "kafka", "test")
                .set("store.topic", resourceTopic, "test")
                .build();
        StreamgateConfig config = new ConfigLoader(Map.of("STREAMGATE_ADMIN_TOKENS",
                "[{name: it, token: " + TOKEN + ", role: admin}]", "STREAMGATE_TOKENS_SIGNING_KEY", SIGNING_KEY))
                .load(Optional.empty(), flags);
        StreamgateApplication application = closing(new StreamgateApplication(config));
        application.start();
        await("instance ready").atMost(Duration.ofSeconds(60)).until(() -> gateway(application).isReady());
        return application;
    }

    private static Gateway gateway(StreamgateApplication application) {
        return application.gateway().orElseThrow();
    }

    private List<JsonNode> items(StreamgateApplication instance) throws IOException, InterruptedException {
        HttpResponse<String> response = send(instance, "GET", "/api/v1/interceptors", null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        JSON.readTree(response.body()).get("items").forEach(items::add);
        return items;
    }

    private HttpResponse<String> send(StreamgateApplication instance, String method, String path, String body)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + instance.adminPort() + path))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(15))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static double metric(KafkaProducer<?, ?> producer, String name) {
        for (Map.Entry<MetricName, ? extends Metric> metric : producer.metrics().entrySet()) {
            if (metric.getKey().name().equals(name) && metric.getKey().group().equals("producer-metrics")) {
                return ((Number) metric.getValue().metricValue()).doubleValue();
            }
        }
        throw new AssertionError("no producer metric " + name);
    }

    private static List<ConsumerRecord<String, String>> read(KafkaClients clients, String topic, int count) {
        KafkaConsumer<String, String> consumer = clients.consumer(null);
        consumer.assign(List.of(new TopicPartition(topic, 0)));
        consumer.seekToBeginning(List.of(new TopicPartition(topic, 0)));
        return Records.consume(consumer, count, Duration.ofSeconds(30));
    }

    private static String header(ConsumerRecord<String, String> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private <T extends AutoCloseable> T closing(T closeable) {
        toClose.add(closeable);
        return closeable;
    }
}
