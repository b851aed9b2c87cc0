package io.streamgate.testing.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Three nodes with SSL and SASL listeners; the node restart runs last because it disturbs the cluster. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecuredThreeNodeKafkaClusterTest {

    private static final Map<String, String> USERS = Map.of("admin", "admin-secret", "alice", "alice-secret");
    private static final String TOPIC = "replicated";

    private static KafkaCluster cluster;

    @BeforeAll
    static void startClusterAndCreateReplicatedTopic() throws Exception {
        cluster = KafkaCluster.builder()
                .brokers(3)
                .sslListener(true)
                .saslPlainListener(USERS)
                .build();
        cluster.start();
        try (Admin admin = plaintextAdmin()) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 3))).all().get(30, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    static void closeCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void replicatesTheTopicOnAllThreeNodes() throws Exception {
        try (Admin admin = plaintextAdmin()) {
            TopicDescription topic = admin.describeTopics(List.of(TOPIC)).allTopicNames()
                    .get(10, TimeUnit.SECONDS).get(TOPIC);

            assertThat(topic.partitions().get(0).replicas()).extracting(Node::id)
                    .containsExactlyInAnyOrder(1, 2, 3);
        }
    }

    @Test
    @Order(2)
    void producesAndConsumesOverSslTrustingTheTestCa() throws Exception {
        Map<String, String> client = withBootstrap(cluster.sslBootstrapServers(), cluster.sslClientProperties());
        List<String> values = RecordRoundTrip.values("ssl", 10);

        RecordRoundTrip.produce(client, TOPIC, values);

        assertThat(RecordRoundTrip.consumeAll(client, TOPIC)).containsSubsequence(values);
    }

    @Test
    @Order(3)
    void producesAndConsumesOverSaslWithPlain() throws Exception {
        Map<String, String> client = withBootstrap(cluster.saslBootstrapServers(),
                cluster.saslClientProperties("PLAIN", "alice"));
        List<String> values = RecordRoundTrip.values("plain", 10);

        RecordRoundTrip.produce(client, TOPIC, values);

        assertThat(RecordRoundTrip.consumeAll(client, TOPIC)).containsSubsequence(values);
    }

    @Test
    @Order(4)
    void producesAndConsumesOverSaslWithScramCredentialsWrittenAtFormat() throws Exception {
        Map<String, String> client = withBootstrap(cluster.saslBootstrapServers(),
                cluster.saslClientProperties("SCRAM-SHA-512", "admin"));
        List<String> values = RecordRoundTrip.values("scram", 10);

        RecordRoundTrip.produce(client, TOPIC, values);

        assertThat(RecordRoundTrip.consumeAll(client, TOPIC)).containsSubsequence(values);
    }

    @Test
    @Order(5)
    void refusesScramLoginWithAWrongPassword() {
        Map<String, String> client = withBootstrap(cluster.saslBootstrapServers(), Map.of(
                "security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", "SCRAM-SHA-256",
                "sasl.jaas.config", SaslMechanisms.clientJaas("SCRAM-SHA-256", "alice", "wrong")));

        try (Admin admin = Admin.create(new HashMap<>(client))) {
            assertThatThrownBy(() -> admin.describeCluster().nodes().get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    @Order(6)
    void restartedNodeRejoinsTheClusterAndTheRecordsStayReadable() throws Exception {
        cluster.restartNode(2);

        assertThat(cluster.isRunning(2)).isTrue();
        try (Admin admin = plaintextAdmin()) {
            assertThat(brokerIds(admin)).containsExactlyInAnyOrder(1, 2, 3);
            // Back in sync, node 2 again holds a full copy: acks=all writes need it.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(admin.describeTopics(List.of(TOPIC)).allTopicNames().get(10, TimeUnit.SECONDS)
                            .get(TOPIC).partitions().get(0).isr()).extracting(Node::id)
                            .containsExactlyInAnyOrder(1, 2, 3));
        }
        Map<String, String> client = Map.of("bootstrap.servers", cluster.bootstrapServers());
        assertThat(RecordRoundTrip.consumeAll(client, TOPIC))
                .containsSubsequence(RecordRoundTrip.values("ssl", 10))
                .containsSubsequence(RecordRoundTrip.values("plain", 10))
                .containsSubsequence(RecordRoundTrip.values("scram", 10));
    }

    private static Admin plaintextAdmin() {
        return Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()));
    }

    private static Set<Integer> brokerIds(Admin admin) throws Exception {
        return admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).stream()
                .map(Node::id).collect(Collectors.toSet());
    }

    private static Map<String, String> withBootstrap(String bootstrapServers, Map<String, String> properties) {
        Map<String, String> client = new HashMap<>(properties);
        client.put("bootstrap.servers", bootstrapServers);
        return client;
    }
}
