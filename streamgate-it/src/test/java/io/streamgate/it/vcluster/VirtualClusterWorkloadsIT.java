package io.streamgate.it.vcluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamgate.app.StreamgateApplication;
import io.streamgate.app.config.ConfigLayer;
import io.streamgate.app.config.ConfigLoader;
import io.streamgate.app.config.ConfigSchema;
import io.streamgate.app.config.StreamgateConfig;
import io.streamgate.core.Gateway;
import io.streamgate.it.ItCluster;
import io.streamgate.it.compat.ExternalTool;
import io.streamgate.testing.clients.KafkaClients;
import io.streamgate.testing.junit.KafkaClusterExtension;
import io.streamgate.testing.net.FreePorts;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Produced;
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
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.streamgate.it.Records.consume;
import static io.streamgate.it.Records.createTopic;
import static io.streamgate.it.Records.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A whole Streamgate (configuration, resource store, admin API) that requires a virtual cluster: service accounts land
 * in theirs through their resource; the Java client, kcat, kafkajs and a Kafka Streams application work inside one,
 * with everything they create prefixed on the physical cluster; ACLs of a virtual cluster are managed with Kafka's own
 * admin API by its super user, stored as resources, and enforced.
 */
class VirtualClusterWorkloadsIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = ItCluster.KAFKA;

    private static final String ADMIN_TOKEN = "vcluster-workloads-it-admin-token";
    private static final String WORK = unique("work");
    private static final String SECURE = unique("secure");
    private static final int MAX_BROKERS = 8;
    private static final Path KAFKAJS_DIR = Path.of("src", "test", "kafkajs").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path directory;

    private static StreamgateApplication streamgate;
    private static String bootstrap;
    private static final Map<String, String> TOKENS = new HashMap<>();

    @BeforeAll
    static void startStreamgateThatRequiresAVirtualCluster() throws Exception {
        int port = FreePorts.consecutive(1 + MAX_BROKERS);
        ConfigLayer flags = ConfigLayer.builder(ConfigSchema.streamgate())
                .set("port", Integer.toString(port), "test")
                .set("adminPort", "0", "test")
                .set("bind", "127.0.0.1", "test")
                .set("dataDir", directory.resolve("data").toString(), "test")
                .set("brokerPorts.maxBrokers", Integer.toString(MAX_BROKERS), "test")
                .set("upstream.bootstrapServers", KAFKA.cluster().bootstrapServers(), "test")
                .set("securityProtocol", "sasl_plaintext", "test")
                .set("authentication.saslMechanisms", "PLAIN", "test")
                .set("requireVirtualCluster", "true", "test")
                .set("ioThreads", "2", "test")
                .build();
        StreamgateConfig config = new ConfigLoader(Map.of(
                "STREAMGATE_ADMIN_TOKENS", "[{name: it, token: " + ADMIN_TOKEN + ", role: admin}]"))
                .load(Optional.empty(), flags);
        streamgate = new StreamgateApplication(config);
        streamgate.start();
        Gateway gateway = streamgate.gateway().orElseThrow();
        await("gateway ready").atMost(Duration.ofSeconds(60)).until(gateway::isReady);
        bootstrap = gateway.bootstrapServers();

        admin("PUT", "/api/v1/virtual-clusters/" + WORK, """
                {"kind": "VirtualCluster", "metadata": {"name": "%s"}, "spec": {}}""".formatted(WORK));
        admin("PUT", "/api/v1/virtual-clusters/" + SECURE, """
                {"kind": "VirtualCluster", "metadata": {"name": "%s"},
                 "spec": {"acls": {"enabled": true}, "superUsers": ["User:boss"]}}""".formatted(SECURE));
        account("worker", WORK);
        account("boss", SECURE);
        account("carol", SECURE);
        account("dave", SECURE);
        account("stray", null);
    }

    private static void account(String name, String virtualCluster) throws Exception {
        String spec = virtualCluster == null ? "{\"type\": \"LOCAL\"}"
                : "{\"type\": \"LOCAL\", \"virtualCluster\": \"" + virtualCluster + "\"}";
        admin("PUT", "/api/v1/service-accounts", """
                {"kind": "ServiceAccount", "metadata": {"name": "%s"}, "spec": %s}""".formatted(name, spec));
        TOKENS.put(name, JSON.readTree(admin("POST", "/api/v1/tokens", """
                {"serviceAccount": "%s", "lifetime": "1h"}""".formatted(name))).get("token").asText());
    }

    @AfterAll
    static void stop() {
        if (streamgate != null) {
            streamgate.close();
        }
    }

    @Test
    void anAccountInNoVirtualClusterIsRefusedAtAuthenticationWithTheReason() {
        try (KafkaClients stray = new KafkaClients(bootstrap, sasl("stray"))) {
            assertThatThrownBy(() -> stray.admin().listTopics().names().get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SaslAuthenticationException.class)
                    .hasMessageContaining("principal stray is in no virtual cluster, and this gateway requires one");
        }
    }

    @Test
    void javaProducerConsumerGroupAndAdminWorkInsideTheVirtualCluster() throws Exception {
        String topic = unique("java");
        try (KafkaClients clients = new KafkaClients(bootstrap, sasl("worker"))) {
            createTopic(clients.admin(), topic, 3);
            KafkaProducer<String, String> producer = clients.producer();
            for (int i = 0; i < 20; i++) {
                producer.send(new ProducerRecord<>(topic, "k" + i, "v" + i)).get(30, TimeUnit.SECONDS);
            }
            KafkaConsumer<String, String> consumer = clients.consumer(unique("java-group"));
            consumer.subscribe(List.of(topic));
            assertThat(consume(consumer, 20, Duration.ofSeconds(30))).hasSize(20);
            consumer.commitSync();
            assertThat(clients.admin().listTopics().names().get()).contains(topic);
        }
        assertPhysicalTopics(WORK + "." + topic);
    }

    @Test
    void kcatProducesAndConsumesInsideTheVirtualCluster() throws Exception {
        ExternalTool.require(ExternalTool.onPath("kcat"), "kcat (librdkafka)", "apt-get install kcat");
        String topic = unique("kcat");
        try (KafkaClients clients = new KafkaClients(bootstrap, sasl("worker"))) {
            createTopic(clients.admin(), topic, 3);
        }
        List<String> security = List.of("-X", "security.protocol=SASL_PLAINTEXT", "-X", "sasl.mechanisms=PLAIN",
                "-X", "sasl.username=worker", "-X", "sasl.password=" + TOKENS.get("worker"));
        String input = IntStream.range(0, 20).mapToObj(i -> "kcat-" + i).collect(Collectors.joining("\n", "", "\n"));
        List<String> produce = new ArrayList<>(List.of("kcat", "-b", bootstrap));
        produce.addAll(security);
        produce.addAll(List.of("-P", "-t", topic, "-X", "acks=all"));
        ExternalTool.Result produced = ExternalTool.run(produce, null, input, Duration.ofSeconds(90));
        assertThat(produced.exitCode()).as(produced.toString()).isZero();

        List<String> consumeCommand = new ArrayList<>(List.of("kcat", "-b", bootstrap));
        consumeCommand.addAll(security);
        consumeCommand.addAll(List.of("-G", unique("kcat-group"), topic, "-o", "beginning", "-c", "20", "-e"));
        ExternalTool.Result consumed = ExternalTool.run(consumeCommand, null, "", Duration.ofSeconds(90));
        assertThat(consumed.exitCode()).as(consumed.toString()).isZero();
        assertThat(consumed.stdout().lines().toList()).hasSize(20).contains("kcat-0", "kcat-19");

        List<String> list = new ArrayList<>(List.of("kcat", "-b", bootstrap));
        list.addAll(security);
        list.addAll(List.of("-L", "-m", "10"));
        ExternalTool.Result metadata = ExternalTool.run(list, null, "", Duration.ofSeconds(60));
        assertThat(metadata.stdout()).contains("topic \"" + topic + "\"").doesNotContain(WORK + ".");
        assertPhysicalTopics(WORK + "." + topic);
    }

    @Test
    void kafkajsProducesAndConsumesInAGroupInsideTheVirtualCluster() throws Exception {
        ExternalTool.require(ExternalTool.onPath("node") && Files.isDirectory(KAFKAJS_DIR.resolve("node_modules/kafkajs")),
                "node with kafkajs", "npm ci --prefix streamgate-it/src/test/kafkajs");
        String topic = unique("kafkajs");
        ExternalTool.Result result = ExternalTool.run(List.of("node", "compat.js", bootstrap, topic,
                        unique("kafkajs-group"), "50"), KAFKAJS_DIR,
                Map.of("STREAMGATE_COMPAT_SECURITY", JSON.writeValueAsString(Map.of("sasl", Map.of(
                        "mechanism", "plain", "username", "worker", "password", TOKENS.get("worker"))))),
                "", Duration.ofSeconds(120));
        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode summary = JSON.readTree(result.stdout().lines().reduce((a, b) -> b).orElseThrow());
        assertThat(summary.get("received").asInt()).isEqualTo(50);
        assertThat(summary.get("committed").asInt()).isEqualTo(50);
        assertPhysicalTopics(WORK + "." + topic);
    }

    @Test
    void kafkaStreamsWithARepartitionAndAChangelogRunsInsideTheVirtualCluster() throws Exception {
        String applicationId = unique("wordcount");
        String input = unique("words");
        String output = unique("counts");
        try (KafkaClients clients = new KafkaClients(bootstrap, sasl("worker"))) {
            createTopic(clients.admin(), input, 2);
            createTopic(clients.admin(), output, 2);
            KafkaProducer<String, String> producer = clients.producer();
            for (String word : List.of("kafka", "gateway", "kafka", "tenant", "kafka", "gateway")) {
                // keyed by something else than the word, so that counting by word needs a repartition
                producer.send(new ProducerRecord<>(input, unique("key"), word)).get(30, TimeUnit.SECONDS);
            }
        }

        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(input, Consumed.with(Serdes.String(), Serdes.String()))
                .groupBy((key, word) -> word, Grouped.with("by-word", Serdes.String(), Serdes.String()))
                .count()
                .toStream()
                .to(output, Produced.with(Serdes.String(), Serdes.Long()));
        Properties properties = new Properties();
        properties.putAll(sasl("worker"));
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        properties.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 3);
        properties.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 200);
        properties.put(StreamsConfig.STATE_DIR_CONFIG, directory.resolve("streams-" + applicationId).toString());
        properties.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");

        Map<String, Long> counts = new HashMap<>();
        try (KafkaStreams streams = new KafkaStreams(builder.build(), properties);
             KafkaClients clients = new KafkaClients(bootstrap, sasl("worker"));
             KafkaConsumer<String, Long> results = clients.consumer(unique("results"), new StringDeserializer(),
                     new LongDeserializer(), Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"))) {
            streams.start();
            results.subscribe(List.of(output));
            await("word counts").atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
                for (ConsumerRecord<String, Long> record : results.poll(Duration.ofMillis(500))) {
                    counts.put(record.key(), record.value());
                }
                assertThat(counts).containsEntry("kafka", 3L).containsEntry("gateway", 2L).containsEntry("tenant", 1L);
            });
            assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
        }

        Set<String> physical = physicalTopics();
        assertThat(physical).contains(WORK + "." + applicationId + "-by-word-repartition")
                .anyMatch(name -> name.startsWith(WORK + "." + applicationId) && name.endsWith("-changelog"))
                .noneMatch(name -> name.startsWith(applicationId));
    }

    @Test
    void aSuperUserManagesAclsWithKafkasAdminApiAndTheyAreStoredAndEnforced() throws Exception {
        String prefix = unique("carol");
        try (KafkaClients boss = new KafkaClients(bootstrap, sasl("boss"));
             KafkaClients carol = new KafkaClients(bootstrap, sasl("carol"))) {
            // without ACLs, carol may do nothing; her listing is empty, as Kafka's is
            assertThatThrownBy(() -> createTopic(carol.admin(), prefix + "-denied", 1))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
            createTopic(boss.admin(), prefix + "-orders", 1);
            assertThat(carol.admin().listTopics().names().get()).isEmpty();
            assertThatThrownBy(() -> carol.admin().createAcls(List.of(allow("User:carol", AclOperation.ALL,
                    ResourceType.TOPIC, "*", PatternType.LITERAL))).all().get())
                    .hasCauseInstanceOf(ClusterAuthorizationException.class);

            Admin admin = boss.admin();
            admin.createAcls(List.of(
                    allow("User:carol", AclOperation.WRITE, ResourceType.TOPIC, prefix, PatternType.PREFIXED),
                    allow("User:carol", AclOperation.READ, ResourceType.TOPIC, prefix, PatternType.PREFIXED),
                    allow("User:carol", AclOperation.READ, ResourceType.GROUP, prefix, PatternType.PREFIXED)))
                    .all().get();
            // as with Kafka, a binding created is seen a moment later: the gateway's directory follows its store
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(admin.describeAcls(AclBindingFilter.ANY).values().get()).hasSize(3));
            JsonNode stored = JSON.readTree(admin("GET", "/api/v1/virtual-clusters/" + SECURE + "/acls", ""));
            assertThat(stored.toString()).contains("carol", prefix);

            KafkaProducer<String, String> producer = carol.producer();
            producer.send(new ProducerRecord<>(prefix + "-orders", "k", "v")).get(30, TimeUnit.SECONDS);
            assertThat(carol.admin().listTopics().names().get()).containsExactly(prefix + "-orders");
            KafkaConsumer<String, String> consumer = carol.consumer(prefix + "-group");
            consumer.subscribe(List.of(prefix + "-orders"));
            assertThat(consume(consumer, 1, Duration.ofSeconds(30))).extracting(ConsumerRecord::value)
                    .containsExactly("v");
            consumer.close();

            admin.deleteAcls(List.of(new AclBindingFilter(new ResourcePattern(ResourceType.TOPIC, prefix,
                    PatternType.PREFIXED).toFilter(), new AccessControlEntryFilter("User:carol", null, AclOperation.WRITE,
                    AclPermissionType.ANY)))).all().get();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(admin.describeAcls(AclBindingFilter.ANY).values().get()).hasSize(2));
        }
    }

    @Test
    void kafkaAclsToolManagesTheVirtualClustersAclsThroughTheGateway() throws Exception {
        String prefix = unique("tool");
        Path properties = directory.resolve("boss-" + prefix + ".properties");
        StringBuilder text = new StringBuilder();
        sasl("boss").forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        Files.writeString(properties, text.toString());

        ExternalTool.Result added = kafkaAcls("--bootstrap-server", bootstrap, "--command-config", properties.toString(),
                "--add", "--allow-principal", "User:dave", "--operation", "Read", "--topic", prefix,
                "--resource-pattern-type", "prefixed");
        assertThat(added.exitCode()).as(added.toString()).isZero();
        ExternalTool.Result listed = kafkaAcls("--bootstrap-server", bootstrap, "--command-config",
                properties.toString(), "--list", "--topic", prefix, "--resource-pattern-type", "prefixed");
        assertThat(listed.exitCode()).as(listed.toString()).isZero();
        assertThat(listed.stdout()).contains("User:dave", "READ", prefix).doesNotContain(SECURE + ".");

        JsonNode stored = JSON.readTree(admin("GET", "/api/v1/virtual-clusters/" + SECURE + "/acls?principal=User:dave",
                ""));
        assertThat(stored.toString()).contains(prefix, "READ");
    }

    /** Kafka's own {@code kafka-acls.sh}, run as its own process. */
    private static ExternalTool.Result kafkaAcls(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), "org.apache.kafka.tools.AclCommand"));
        command.addAll(List.of(arguments));
        return ExternalTool.run(command, null, "", Duration.ofSeconds(120));
    }

    private static AclBinding allow(String principal, AclOperation operation, ResourceType type, String name,
                                    PatternType pattern) {
        return new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
    }

    private static Map<String, Object> sasl(String account) {
        return Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "PLAIN",
                "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                        + account + "\" password=\"" + TOKENS.get(account) + "\";");
    }

    private static void assertPhysicalTopics(String... names) throws Exception {
        assertThat(physicalTopics()).contains(names);
    }

    private static Set<String> physicalTopics() throws Exception {
        try (KafkaClients physical = new KafkaClients(KAFKA.cluster().bootstrapServers())) {
            return physical.admin().listTopics().names().get();
        }
    }

    private static String admin(String method, String path, String body) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + streamgate.adminPort() + path))
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .header("Content-Type", "application/json")
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(15))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
        return response.body();
    }
}
