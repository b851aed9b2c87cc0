package io.streamgate.it.policy;

import io.streamgate.api.PolicyAction;
import io.streamgate.api.Scope;
import io.streamgate.core.auth.AuthenticationAudit;
import io.streamgate.core.auth.GatewaySecurity;
import io.streamgate.core.auth.IdentityDirectory;
import io.streamgate.core.chain.InterceptorDefinition;
import io.streamgate.core.vcluster.VirtualCluster;
import io.streamgate.it.ItCluster;
import io.streamgate.it.vcluster.TestVirtualClusters;
import io.streamgate.testing.clients.KafkaClients;
import io.streamgate.testing.junit.GatewayExtension;
import io.streamgate.testing.junit.KafkaClusterExtension;
import io.streamgate.testing.net.FreePorts;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidRequiredAcksException;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static io.streamgate.it.Records.createTopic;
import static io.streamgate.it.Records.unique;
import static io.streamgate.it.vcluster.TestVirtualClusters.tenantListener;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Policies scoped to a virtual cluster: they act on the connections of that virtual cluster only, and see, judge and
 * report its tenants' own (logical) names, never the prefixed physical ones.
 */
class PoliciesInVirtualClusterIT {

    private static final int MAX_BROKERS = 8;
    private static final String A = unique("pa");
    private static final String B = unique("pb");
    private static final int A_PORT = FreePorts.consecutive(1 + MAX_BROKERS);
    private static final int B_PORT = FreePorts.consecutive(1 + MAX_BROKERS);
    private static final ViolationRecorder AUDITED = new ViolationRecorder();

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = ItCluster.KAFKA;

    @RegisterExtension
    static final GatewayExtension GATEWAY = GatewayExtension.inFrontOf(KAFKA)
            .configure(config -> config.withListeners(List.of(config.listener(),
                    tenantListener(config, A, A_PORT, MAX_BROKERS), tenantListener(config, B, B_PORT, MAX_BROKERS))))
            .security(() -> new GatewaySecurity(IdentityDirectory.EMPTY, AuthenticationAudit.NONE,
                    new TestVirtualClusters().add(A).add(B), AUDITED));

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeClientsAndRemoveInterceptors() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
        toClose.clear();
        ViolationRecorder.removeAll(GATEWAY);
        AUDITED.clear();
    }

    @Test
    void aCreateTopicPolicyOfAVirtualClusterJudgesItsTenantsNamesAndLeavesOtherVirtualClustersAlone() throws Exception {
        GATEWAY.gateway().interceptors().put(new InterceptorDefinition("topic-naming", "create-topic-policy", 100,
                Scope.virtualCluster(A), Map.of("name", Map.of("pattern", "orders\\..*")), null));
        String orders = unique("orders.eu");
        String misc = unique("misc");
        Admin a = tenant(A).admin();

        a.createTopics(List.of(new NewTopic(orders, 1, (short) 3))).all().get(30, TimeUnit.SECONDS);
        assertThatThrownBy(() -> a.createTopics(List.of(new NewTopic(misc, 1, (short) 3))).all()
                .get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause()
                .isInstanceOf(PolicyViolationException.class)
                .hasMessage("topic name " + misc + " does not match orders\\..* (rule name, interceptor topic-naming)");
        tenant(B).admin().createTopics(List.of(new NewTopic(misc, 1, (short) 3))).all().get(30, TimeUnit.SECONDS);

        Admin physical = physical().admin();
        await().untilAsserted(() -> assertThat(physical.listTopics().names().get())
                .contains(physicalName(A, orders), physicalName(B, misc))
                .doesNotContain(physicalName(A, misc), orders, misc));
        assertThat(AUDITED.events()).singleElement().satisfies(event -> {
            assertThat(event.interceptor()).isEqualTo("topic-naming");
            assertThat(event.plugin()).isEqualTo("create-topic-policy");
            assertThat(event.virtualCluster()).isEqualTo(A);
            assertThat(event.principal()).isEqualTo("ANONYMOUS");
            assertThat(event.listener()).isEqualTo(A);
            assertThat(event.violation().rule()).isEqualTo("name");
            assertThat(event.violation().action()).isEqualTo(PolicyAction.BLOCK);
            assertThat(event.violation().topic()).isEqualTo(misc);
            assertThat(event.violation().message()).doesNotContain(physicalName(A, misc));
        });
    }

    @Test
    void aProducePolicyOfAVirtualClusterMatchesItsTenantsTopicNamesAndLeavesOtherVirtualClustersAlone()
            throws Exception {
        String orders = unique("orders.us");
        String misc = unique("misc");
        createTopic(tenant(A).admin(), orders, 1);
        createTopic(tenant(A).admin(), misc, 1);
        createTopic(tenant(B).admin(), orders, 1);
        GATEWAY.gateway().interceptors().put(new InterceptorDefinition("produce-guard", "produce-policy", 100,
                Scope.virtualCluster(A), Map.of("topics", "orders\\..*", "acks", Map.of("allowed", List.of(-1))),
                null));
        Map<String, Object> acksOne = Map.of(ProducerConfig.ACKS_CONFIG, "1",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false, ProducerConfig.CLIENT_ID_CONFIG, "acks-one");

        assertThatThrownBy(() -> send(A, orders, acksOne))
                .isInstanceOf(ExecutionException.class).cause()
                .isInstanceOf(InvalidRequiredAcksException.class)
                .hasMessage("acks 1 is not allowed, allowed are -1 (rule acks, interceptor produce-guard)");
        assertThat(send(A, orders, Map.of(ProducerConfig.ACKS_CONFIG, "all")).offset()).isZero();
        assertThat(send(A, misc, acksOne).offset()).as("a topic outside the policy's topics").isZero();
        assertThat(send(B, orders, acksOne).offset()).isZero();

        assertThat(AUDITED.events()).singleElement().satisfies(event -> {
            assertThat(event.interceptor()).isEqualTo("produce-guard");
            assertThat(event.virtualCluster()).isEqualTo(A);
            assertThat(event.principal()).isEqualTo("ANONYMOUS");
            assertThat(event.clientId()).isEqualTo("acks-one");
            assertThat(event.violation().rule()).isEqualTo("acks");
            assertThat(event.violation().topic()).isEqualTo(orders);
            assertThat(event.violation().value()).isEqualTo("1");
        });
    }

    @Test
    void aPolicyScopedToAVirtualClusterReplacesTheGlobalOneOfTheSameNameForThatVirtualClusterOnly() throws Exception {
        GATEWAY.gateway().interceptors().put(new InterceptorDefinition("topic-naming", "create-topic-policy", 100,
                Scope.GLOBAL, Map.of("name", Map.of("pattern", "shared\\..*")), null));
        GATEWAY.gateway().interceptors().put(new InterceptorDefinition("topic-naming", "create-topic-policy", 100,
                Scope.virtualCluster(A), Map.of("name", Map.of("pattern", "orders\\..*")), null));
        String orders = unique("orders.eu");
        String shared = unique("shared.eu");

        create(A, orders);
        assertThatThrownBy(() -> create(A, shared)).cause().isInstanceOf(PolicyViolationException.class)
                .hasMessage("topic name " + shared + " does not match orders\\..* (rule name, interceptor topic-naming)");
        create(B, shared);
        assertThatThrownBy(() -> create(B, orders)).cause().isInstanceOf(PolicyViolationException.class)
                .hasMessage("topic name " + orders + " does not match shared\\..* (rule name, interceptor topic-naming)");

        assertThat(AUDITED.events()).extracting(event -> event.virtualCluster() + "/" + event.violation().topic())
                .containsExactly(A + "/" + shared, B + "/" + orders);
    }

    @Test
    void aJoinGroupLimitPerVirtualClusterIsSharedByTheTenantsClientsAndSeparateFromOtherVirtualClusters() {
        String topic = unique("joined");
        createTopic(tenant(A).admin(), topic, 1);
        createTopic(tenant(B).admin(), topic, 1);
        String firstGroup = unique("first");
        String secondGroup = unique("second");
        loadCoordinator(A, firstGroup, topic);
        loadCoordinator(A, secondGroup, topic);
        loadCoordinator(B, firstGroup, topic);
        // A join takes two JoinGroups (the first is answered MEMBER_ID_REQUIRED): one join per virtual cluster fits.
        ViolationRecorder.install(GATEWAY, "tenant-quotas", "rate-limit-policy",
                Map.of("key", "virtualCluster", "joinGroupsPerMinute", 2, "groupAction", "BLOCK"));

        assertThat(join(A, firstGroup, "app-1", topic)).containsExactly(new TopicPartition(topic, 0));
        assertThatThrownBy(() -> join(A, secondGroup, "app-2", topic)).isInstanceOf(KafkaException.class)
                .hasMessageContaining("throttling quota has been exceeded");
        assertThat(join(B, firstGroup, "app-1", topic)).containsExactly(new TopicPartition(topic, 0));

        assertThat(AUDITED.events()).singleElement().satisfies(event -> {
            assertThat(event.virtualCluster()).isEqualTo(A);
            assertThat(event.clientId()).isEqualTo("app-2");
            assertThat(event.api()).isEqualTo("JoinGroup");
            assertThat(event.violation().rule()).isEqualTo("joinGroupsPerMinute");
            assertThat(event.violation().action()).isEqualTo(PolicyAction.BLOCK);
            assertThat(event.violation().message()).startsWith("JoinGroup rate above 2 requests per minute for "
                    + "virtual cluster '" + A + "': refused, retry in ");
        });
    }

    /** Joins {@code group} and polls until it has partitions (or 60 s); returns them. */
    private Set<TopicPartition> join(String virtualCluster, String group, String clientId, String topic) {
        KafkaConsumer<String, String> consumer = track(tenant(virtualCluster).consumer(group,
                Map.of(ConsumerConfig.CLIENT_ID_CONFIG, clientId, ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic")));
        consumer.subscribe(List.of(topic));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (consumer.assignment().isEmpty() && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200));
        }
        return consumer.assignment();
    }

    /**
     * Commits an offset of {@code group} without joining it, which waits until the group's coordinator is ready: on a
     * fresh cluster, JoinGroups are answered NOT_COORDINATOR for a while, and each of those retries counts.
     */
    private void loadCoordinator(String virtualCluster, String group, String topic) {
        try (KafkaConsumer<String, String> consumer = tenant(virtualCluster).consumer(group,
                Map.of(ConsumerConfig.CLIENT_ID_CONFIG, "coordinator-loader"))) {
            consumer.commitSync(Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(0)));
        }
    }

    private void create(String virtualCluster, String topic) throws Exception {
        tenant(virtualCluster).admin().createTopics(List.of(new NewTopic(topic, 1, (short) 3))).all()
                .get(30, TimeUnit.SECONDS);
    }

    private RecordMetadata send(String virtualCluster, String topic, Map<String, Object> settings) throws Exception {
        try (KafkaProducer<String, String> producer = tenant(virtualCluster).producer(settings)) {
            return producer.send(new ProducerRecord<>(topic, "key", "value")).get(30, TimeUnit.SECONDS);
        }
    }

    private static String physicalName(String virtualCluster, String topic) {
        return VirtualCluster.defaultPrefix(virtualCluster) + topic;
    }

    private KafkaClients tenant(String virtualCluster) {
        return track(new KafkaClients(GATEWAY.gateway().bootstrapServers(virtualCluster)));
    }

    private KafkaClients physical() {
        return track(new KafkaClients(KAFKA.cluster().bootstrapServers()));
    }

    private <T extends AutoCloseable> T track(T closeable) {
        toClose.add(closeable);
        return closeable;
    }
}
