package io.streamgate.it.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamgate.app.StreamgateApplication;
import io.streamgate.app.config.ConfigLayer;
import io.streamgate.app.config.ConfigLoader;
import io.streamgate.app.config.ConfigSchema;
import io.streamgate.app.config.StreamgateConfig;
import io.streamgate.core.Gateway;
import io.streamgate.it.ItCluster;
import io.streamgate.it.Records;
import io.streamgate.testing.clients.KafkaClients;
import io.streamgate.testing.junit.KafkaClusterExtension;
import io.streamgate.testing.net.FreePorts;
import io.streamgate.testing.tls.TestCertificates;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.streamgate.it.Records.consume;
import static io.streamgate.it.Records.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Java client, librdkafka (kcat) and kafkajs each authenticate to a whole Streamgate (configuration, resource
 * store, admin API) with SASL/PLAIN over TLS using a gateway token, with SCRAM-SHA-512 using credentials set through
 * the admin API, and with a client certificate (mTLS), then produce and consume. The gateway's authentication audit
 * shows who each client proved to be.
 */
class SecuredClientsCompatibilityIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = ItCluster.KAFKA;

    private static final String ADMIN_TOKEN = "secured-clients-it-admin-token";
    private static final String ACCOUNT = "orders-app";
    private static final String SCRAM_PASSWORD = "scram-Secret-42";
    private static final int MAX_BROKERS = 8;
    private static final Path KAFKAJS_DIR = Path.of("src", "test", "kafkajs").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path directory;

    private static TestCertificates certificates;
    private static StreamgateApplication streamgate;
    private static String saslBootstrap;
    private static String mtlsBootstrap;
    private static String plainToken;

    @BeforeAll
    static void startStreamgateWithSecuredListeners() throws Exception {
        certificates = TestCertificates.generate(directory.resolve("tls"));
        int plainPort = FreePorts.consecutive(1 + MAX_BROKERS);
        int saslPort = FreePorts.consecutive(1 + MAX_BROKERS);
        int mtlsPort = FreePorts.consecutive(1 + MAX_BROKERS);
        Map<String, Object> keystore = Map.of(
                "ssl.keystore.type", TestCertificates.STORE_TYPE,
                "ssl.keystore.location", certificates.serverKeystore().toString(),
                "ssl.keystore.password", certificates.password(),
                "ssl.key.password", certificates.password());
        Map<String, Object> mutualTls = new HashMap<>(keystore);
        mutualTls.putAll(Map.of(
                "ssl.truststore.type", TestCertificates.STORE_TYPE,
                "ssl.truststore.location", certificates.truststore().toString(),
                "ssl.truststore.password", certificates.password(),
                "ssl.client.auth", "required"));
        List<Map<String, Object>> listeners = List.of(
                Map.of("name", "sasl", "port", saslPort, "brokerPorts", Map.of("maxBrokers", MAX_BROKERS),
                        "securityProtocol", "sasl_ssl", "tls", keystore,
                        "authentication", Map.of("saslMechanisms", List.of("PLAIN", "SCRAM-SHA-512"))),
                Map.of("name", "mtls", "port", mtlsPort, "brokerPorts", Map.of("maxBrokers", MAX_BROKERS),
                        "securityProtocol", "ssl", "tls", mutualTls));
        ConfigLayer flags = ConfigLayer.builder(ConfigSchema.streamgate())
                .set("port", Integer.toString(plainPort), "test")
                .set("adminPort", "0", "test")
                .set("bind", "127.0.0.1", "test")
                .set("dataDir", directory.resolve("data").toString(), "test")
                .set("brokerPorts.maxBrokers", Integer.toString(MAX_BROKERS), "test")
                .set("upstream.bootstrapServers", KAFKA.cluster().bootstrapServers(), "test")
                .set("ioThreads", "2", "test")
                .build();
        StreamgateConfig config = new ConfigLoader(Map.of(
                "STREAMGATE_ADMIN_TOKENS", "[{name: it, token: " + ADMIN_TOKEN + ", role: admin}]",
                "STREAMGATE_LISTENERS", JSON.writeValueAsString(listeners)))
                .load(Optional.empty(), flags);
        streamgate = new StreamgateApplication(config);
        streamgate.start();
        Gateway gateway = streamgate.gateway().orElseThrow();
        await("gateway ready").atMost(Duration.ofSeconds(60)).until(gateway::isReady);
        saslBootstrap = gateway.bootstrapServers("sasl");
        mtlsBootstrap = gateway.bootstrapServers("mtls");

        admin("PUT", "/api/v1/service-accounts", """
                {"kind": "ServiceAccount", "metadata": {"name": "%s"}, "spec": {"type": "LOCAL"}}""".formatted(ACCOUNT));
        admin("PUT", "/api/v1/service-accounts/" + ACCOUNT + "/scram-credentials", """
                {"mechanism": "SCRAM-SHA-512", "password": "%s"}""".formatted(SCRAM_PASSWORD));
        plainToken = JSON.readTree(admin("POST", "/api/v1/tokens", """
                {"serviceAccount": "%s", "lifetime": "1h"}""".formatted(ACCOUNT))).get("token").asText();
    }

    @AfterAll
    static void stop() {
        if (streamgate != null) {
            streamgate.close();
        }
    }

    // ---- SASL/PLAIN over TLS, with a gateway token as the password ----

    @Test
    void javaClientAuthenticatesWithPlainOverTls() throws Exception {
        javaRoundTrip(saslBootstrap, saslProperties("PLAIN", plainToken));
        assertAudited("PLAIN", ACCOUNT);
    }

    @Test
    void kcatAuthenticatesWithPlainOverTls() throws Exception {
        kcatRoundTrip(saslBootstrap, kcatSasl("PLAIN", plainToken));
        assertAudited("PLAIN", ACCOUNT);
    }

    @Test
    void kafkajsAuthenticatesWithPlainOverTls() throws Exception {
        kafkajsRoundTrip(saslBootstrap, Map.of("ssl", Map.of("ca", certificates.caPem().toString()),
                "sasl", Map.of("mechanism", "plain", "username", ACCOUNT, "password", plainToken)));
        assertAudited("PLAIN", ACCOUNT);
    }

    // ---- SCRAM-SHA-512, with credentials set through the admin API ----

    @Test
    void javaClientAuthenticatesWithScramSha512() throws Exception {
        javaRoundTrip(saslBootstrap, saslProperties("SCRAM-SHA-512", SCRAM_PASSWORD));
        assertAudited("SCRAM-SHA-512", ACCOUNT);
    }

    /**
     * librdkafka before 2.6.1 repeats the client nonce in its SCRAM client-final message (librdkafka#4895). Kafka 4
     * brokers compare nonces strictly, as RFC 5802 requires, and refuse it; the gateway runs Kafka's own SCRAM server
     * and does the same. So the kcat of Debian (librdkafka 2.0.2) is refused, by the gateway as by Kafka itself, with
     * the reason audited; a kcat on librdkafka 2.6.1 or later authenticates, produces and consumes.
     */
    @Test
    void kcatAuthenticatesWithScramSha512WhenItsLibrdkafkaFollowsRfc5802() throws Exception {
        ExternalTool.require(ExternalTool.onPath("kcat"), "kcat (librdkafka)", "apt-get install kcat");
        if (librdkafkaAtLeast(2, 6, 1)) {
            kcatRoundTrip(saslBootstrap, kcatSasl("SCRAM-SHA-512", SCRAM_PASSWORD));
            assertAudited("SCRAM-SHA-512", ACCOUNT);
            return;
        }
        List<String> metadata = new ArrayList<>(kcatSasl("SCRAM-SHA-512", SCRAM_PASSWORD));
        metadata.addAll(List.of("-L", "-m", "10"));
        ExternalTool.Result result = kcat(saslBootstrap, metadata, "");
        assertThat(result.exitCode()).as(result.toString()).isNotZero();
        assertThat(result.stderr()).contains("Authentication failed during authentication due to invalid credentials");
        assertAuditedFailure("SCRAM-SHA-512", ACCOUNT, "invalid SCRAM proof");
    }

    @Test
    void kafkajsAuthenticatesWithScramSha512() throws Exception {
        kafkajsRoundTrip(saslBootstrap, Map.of("ssl", Map.of("ca", certificates.caPem().toString()),
                "sasl", Map.of("mechanism", "scram-sha-512", "username", ACCOUNT, "password", SCRAM_PASSWORD)));
        assertAudited("SCRAM-SHA-512", ACCOUNT);
    }

    // ---- mutual TLS ----

    @Test
    void javaClientAuthenticatesWithAClientCertificate() throws Exception {
        Map<String, Object> properties = new HashMap<>(trustProperties("SSL"));
        properties.put("ssl.keystore.type", TestCertificates.STORE_TYPE);
        properties.put("ssl.keystore.location", certificates.clientKeystore().toString());
        properties.put("ssl.keystore.password", certificates.password());
        properties.put("ssl.key.password", certificates.password());
        javaRoundTrip(mtlsBootstrap, properties);
        assertAudited("SSL", "CN=client");
    }

    @Test
    void kcatAuthenticatesWithAClientCertificate() throws Exception {
        kcatRoundTrip(mtlsBootstrap, List.of("-X", "security.protocol=SSL",
                "-X", "ssl.ca.location=" + certificates.caPem(),
                "-X", "ssl.certificate.location=" + certificates.clientCertPem(),
                "-X", "ssl.key.location=" + certificates.clientKeyPem()));
        assertAudited("SSL", "CN=client");
    }

    @Test
    void kafkajsAuthenticatesWithAClientCertificate() throws Exception {
        kafkajsRoundTrip(mtlsBootstrap, Map.of("ssl", Map.of("ca", certificates.caPem().toString(),
                "cert", certificates.clientCertPem().toString(), "key", certificates.clientKeyPem().toString())));
        assertAudited("SSL", "CN=client");
    }

    @Test
    void kcatWithoutAClientCertificateIsRefusedByTheMutualTlsListener() throws Exception {
        ExternalTool.Result result = kcat(mtlsBootstrap, List.of("-X", "security.protocol=SSL",
                "-X", "ssl.ca.location=" + certificates.caPem(), "-L", "-m", "10"), "");
        assertThat(result.exitCode()).as(result.toString()).isNotZero();
    }

    // ---- clients ----

    private static void javaRoundTrip(String bootstrap, Map<String, Object> security) throws Exception {
        String topic = unique("secured-java");
        try (KafkaClients clients = new KafkaClients(bootstrap, security)) {
            Records.createTopic(clients.admin(), topic, 3);
            KafkaProducer<String, String> producer = clients.producer();
            for (int i = 0; i < 20; i++) {
                producer.send(new ProducerRecord<>(topic, "k" + i, "v" + i)).get();
            }
            var consumer = clients.consumer(unique("secured-java-group"));
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> received = consume(consumer, 20, Duration.ofSeconds(30));
            assertThat(received).extracting(ConsumerRecord::value).contains("v0", "v19").hasSize(20);
        }
    }

    private static void kcatRoundTrip(String bootstrap, List<String> security) throws Exception {
        ExternalTool.require(ExternalTool.onPath("kcat"), "kcat (librdkafka)", "apt-get install kcat");
        String topic = unique("secured-kcat");
        try (KafkaClients clients = new KafkaClients(KAFKA.cluster().bootstrapServers())) {
            Records.createTopic(clients.admin(), topic, 3);
        }
        String input = IntStream.range(0, 20).mapToObj(i -> "kcat-" + i).collect(Collectors.joining("\n", "", "\n"));
        List<String> produce = new ArrayList<>(security);
        produce.addAll(List.of("-P", "-t", topic, "-X", "acks=all"));
        ExternalTool.Result produced = kcat(bootstrap, produce, input);
        assertThat(produced.exitCode()).as(produced.toString()).isZero();

        List<String> consume = new ArrayList<>(security);
        consume.addAll(List.of("-C", "-t", topic, "-o", "beginning", "-c", "20", "-e"));
        ExternalTool.Result consumed = kcat(bootstrap, consume, "");
        assertThat(consumed.exitCode()).as(consumed.toString()).isZero();
        assertThat(consumed.stdout().lines().toList()).hasSize(20).contains("kcat-0", "kcat-19");
    }

    private static void kafkajsRoundTrip(String bootstrap, Map<String, Object> security) throws Exception {
        ExternalTool.require(ExternalTool.onPath("node") && Files.isDirectory(KAFKAJS_DIR.resolve("node_modules/kafkajs")),
                "node with kafkajs", "npm ci --prefix streamgate-it/src/test/kafkajs");
        ExternalTool.Result result = ExternalTool.run(List.of("node", "compat.js", bootstrap, unique("secured-kafkajs"),
                        unique("secured-kafkajs-group"), "50"), KAFKAJS_DIR,
                Map.of("STREAMGATE_COMPAT_SECURITY", JSON.writeValueAsString(security)), "", Duration.ofSeconds(120));
        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode summary = JSON.readTree(result.stdout().lines().reduce((a, b) -> b).orElseThrow());
        assertThat(summary.get("received").asInt()).isEqualTo(50);
        assertThat(summary.get("committed").asInt()).isEqualTo(50);
    }

    private static ExternalTool.Result kcat(String bootstrap, List<String> arguments, String stdin) throws Exception {
        List<String> command = new ArrayList<>(List.of("kcat", "-b", bootstrap));
        command.addAll(arguments);
        return ExternalTool.run(command, null, stdin, Duration.ofSeconds(90));
    }

    private static List<String> kcatSasl(String mechanism, String password) {
        return List.of("-X", "security.protocol=SASL_SSL", "-X", "sasl.mechanisms=" + mechanism,
                "-X", "sasl.username=" + ACCOUNT, "-X", "sasl.password=" + password,
                "-X", "ssl.ca.location=" + certificates.caPem());
    }

    private static Map<String, Object> saslProperties(String mechanism, String password) {
        Map<String, Object> properties = new HashMap<>(trustProperties("SASL_SSL"));
        properties.put("sasl.mechanism", mechanism);
        String module = "PLAIN".equals(mechanism) ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                : "org.apache.kafka.common.security.scram.ScramLoginModule";
        properties.put("sasl.jaas.config", module + " required username=\"" + ACCOUNT + "\" password=\""
                + password + "\";");
        return properties;
    }

    private static Map<String, Object> trustProperties(String protocol) {
        return Map.of("security.protocol", protocol,
                "ssl.truststore.type", TestCertificates.STORE_TYPE,
                "ssl.truststore.location", certificates.truststore().toString(),
                "ssl.truststore.password", certificates.password());
    }

    private static boolean librdkafkaAtLeast(int major, int minor, int patch) throws Exception {
        ExternalTool.Result version = ExternalTool.run(List.of("kcat", "-V"), null, "", Duration.ofSeconds(10));
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("librdkafka (\\d+)\\.(\\d+)\\.(\\d+)")
                .matcher(version.stdout() + version.stderr());
        assertThat(matcher.find()).as("librdkafka version in: " + version).isTrue();
        int[] found = {Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                Integer.parseInt(matcher.group(3))};
        return java.util.Arrays.compare(found, new int[] {major, minor, patch}) >= 0;
    }

    /** The gateway's authentication audit has a failure of {@code principal} with {@code mechanism} and reason. */
    private static void assertAuditedFailure(String mechanism, String principal, String reason) {
        assertAuditedEvent(mechanism, principal, event -> {
            assertThat(event.path("succeeded").asBoolean()).isFalse();
            assertThat(event.path("reason").asText()).contains(reason);
        });
    }

    /** The gateway's authentication audit has a success of {@code principal} with {@code mechanism}. */
    private static void assertAudited(String mechanism, String principal) {
        assertAuditedEvent(mechanism, principal, event -> assertThat(event.path("succeeded").asBoolean()).isTrue());
    }

    private static void assertAuditedEvent(String mechanism, String principal,
                                           java.util.function.Consumer<JsonNode> outcome) {
        Path audit = directory.resolve("data").resolve("auth-audit.log");
        await("audited " + mechanism + " " + principal).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<JsonNode> events = new ArrayList<>();
            for (String line : Files.readAllLines(audit)) {
                events.add(JSON.readTree(line));
            }
            assertThat(events).anySatisfy(event -> {
                assertThat(event.path("mechanism").asText()).isEqualTo(mechanism);
                assertThat(event.path("principal").asText()).isEqualTo(principal);
                outcome.accept(event);
            });
        });
    }

    private static String admin(String method, String path, String body) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + streamgate.adminPort() + path))
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(15))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
        return response.body();
    }
}
