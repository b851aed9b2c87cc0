package io.streamgate.it.policy;

import io.streamgate.api.PolicyAction;
import io.streamgate.api.PolicyViolation;
import io.streamgate.it.ItCluster;
import io.streamgate.it.Records;
import io.streamgate.testing.clients.KafkaClients;
import io.streamgate.testing.junit.GatewayExtension;
import io.streamgate.testing.junit.KafkaClusterExtension;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static io.streamgate.it.Records.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class ClientIdPolicyIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = ItCluster.KAFKA;

    private static final ViolationRecorder AUDIT = new ViolationRecorder();
    private static KafkaClients DIRECT;

    @RegisterExtension
    static final GatewayExtension GATEWAY = AUDIT.gatewayAuditedHere(GatewayExtension.inFrontOf(KAFKA));

    private static final String EXPECTED = "it-[a-z]+-.+";

    @BeforeAll
    static void connectDirectly() {
        DIRECT = new KafkaClients(KAFKA.cluster().bootstrapServers());
    }

    @AfterAll
    static void closeDirectClients() {
        DIRECT.close();
    }

    @BeforeEach
    void requireNamedClients() {
        ViolationRecorder.install(GATEWAY, "client-ids", "client-id-policy", Map.of("pattern", EXPECTED));
    }

    @AfterEach
    void cleanUp() {
        ViolationRecorder.removeAll(GATEWAY);
        AUDIT.clear();
    }

    @Test
    void refusesTheRequestsOfAClientWhoseIdBreaksTheConventionWithPolicyViolation() {
        // without telemetry (KIP-714), whose GetTelemetrySubscriptions would be the first request refused
        Admin rogue = GATEWAY.clients().admin(Map.of(CommonClientConfigs.CLIENT_ID_CONFIG, "adminclient-7",
                CommonClientConfigs.ENABLE_METRICS_PUSH_CONFIG, false));
        double countedBefore = ViolationRecorder.counted(GATEWAY, "client-ids", "clientId", "BLOCK");
        String message = "client id 'adminclient-7' does not match " + EXPECTED
                + " (rule clientId, interceptor client-ids)";

        assertThatThrownBy(() -> rogue.createTopics(List.of(new NewTopic(unique("client-id"), 1, (short) 3)))
                .all().get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause()
                .isInstanceOf(PolicyViolationException.class).hasMessage(message);

        // reported once per connection (bootstrap, broker), when the connection starts: with its ApiVersions
        assertThat(AUDIT.events()).isNotEmpty().allSatisfy(event -> {
            assertThat(event.clientId()).isEqualTo("adminclient-7");
            assertThat(event.api()).isEqualTo("ApiVersions");
            assertThat(event.violation()).isEqualTo(new PolicyViolation("clientId", PolicyAction.BLOCK, null,
                    "adminclient-7", message));
        });
        assertThat(ViolationRecorder.counted(GATEWAY, "client-ids", "clientId", "BLOCK"))
                .isEqualTo(countedBefore + AUDIT.events().size());
    }

    @Test
    void servesAClientWhoseIdBreaksTheConventionAndReportsItWithInfo() throws Exception {
        ViolationRecorder.install(GATEWAY, "client-ids", "client-id-policy", Map.of("pattern", EXPECTED,
                "action", "INFO"));
        Admin rogue = GATEWAY.clients().admin(Map.of(CommonClientConfigs.CLIENT_ID_CONFIG, "adminclient-8"));
        String topic = unique("client-id");

        rogue.createTopics(List.of(new NewTopic(topic, 1, (short) 3))).all().get(30, TimeUnit.SECONDS);

        await("the created topic listed").atMost(Duration.ofSeconds(30))
                .until(() -> rogue.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic));
        assertThat(AUDIT.events()).isNotEmpty().allSatisfy(event -> {
            assertThat(event.clientId()).isEqualTo("adminclient-8");
            assertThat(event.violation().action()).isEqualTo(PolicyAction.INFO);
            assertThat(event.violation().value()).isEqualTo("adminclient-8");
        });
    }

    @ParameterizedTest(name = "group.protocol={0}")
    @ValueSource(strings = {"classic", "consumer"})
    void kafkaSeesTheOverriddenClientIdOfAConsumerWhoseIdBreaksTheConvention(String protocol) throws Exception {
        ViolationRecorder.install(GATEWAY, "client-ids", "client-id-policy", Map.of("pattern", EXPECTED,
                "action", "OVERRIDE", "override", "{{user}}-{{clientId}}"));
        String topic = unique("client-id");
        String group = unique("client-id-group");
        Records.createTopic(DIRECT.admin(), topic, 1);
        DIRECT.producer().send(new ProducerRecord<>(topic, "k", "v")).get(30, TimeUnit.SECONDS);
        KafkaConsumer<String, String> consumer = GATEWAY.clients().consumer(group, Map.of(
                ConsumerConfig.CLIENT_ID_CONFIG, "anything", ConsumerConfig.GROUP_PROTOCOL_CONFIG, protocol));
        consumer.subscribe(List.of(topic));

        assertThat(Records.consume(consumer, 1, Duration.ofSeconds(30))).extracting(ConsumerRecord::value)
                .containsExactly("v");

        ConsumerGroupDescription description = DIRECT.admin().describeConsumerGroups(List.of(group))
                .describedGroups().get(group).get(30, TimeUnit.SECONDS);
        assertThat(description.members()).singleElement().extracting(MemberDescription::clientId)
                .isEqualTo("ANONYMOUS-anything");
        assertThat(AUDIT.events()).isNotEmpty().allSatisfy(event -> {
            assertThat(event.clientId()).as("the audit shows the client's own id").isEqualTo("anything");
            assertThat(event.violation()).isEqualTo(new PolicyViolation("clientId", PolicyAction.OVERRIDE, null,
                    "anything", "client id 'anything' does not match " + EXPECTED
                    + ": replaced with 'ANONYMOUS-anything' (rule clientId, interceptor client-ids)"));
        });
    }

    @Test
    void servesAClientWhoseIdFollowsTheConvention() throws Exception {
        Admin named = GATEWAY.clients().admin(Map.of(CommonClientConfigs.CLIENT_ID_CONFIG, "it-admin-1"));
        String topic = unique("client-id");

        named.createTopics(List.of(new NewTopic(topic, 1, (short) 3))).all().get(30, TimeUnit.SECONDS);

        await("the created topic listed").atMost(Duration.ofSeconds(30))
                .until(() -> named.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic));
        assertThat(AUDIT.events()).isEmpty();
    }
}
