package io.streamgate.it.policy;

import io.streamgate.api.PolicyAction;
import io.streamgate.core.policy.PolicyViolationEvent;
import io.streamgate.it.ItCluster;
import io.streamgate.it.Records;
import io.streamgate.testing.clients.KafkaClients;
import io.streamgate.testing.junit.GatewayExtension;
import io.streamgate.testing.junit.KafkaClusterExtension;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.errors.InvalidGroupIdException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.streamgate.it.Records.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsumerGroupPolicyIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = ItCluster.KAFKA;

    private static final ViolationRecorder AUDIT = new ViolationRecorder();

    @RegisterExtension
    static final GatewayExtension GATEWAY = AUDIT.gatewayAuditedHere(GatewayExtension.inFrontOf(KAFKA));

    private KafkaClients direct;
    private String topic;

    @BeforeEach
    void installGroupRules() {
        direct = new KafkaClients(KAFKA.cluster().bootstrapServers());
        topic = unique("group-policy");
        Records.createTopic(direct.admin(), topic, 1);
        ViolationRecorder.install(GATEWAY, "consumer-groups", "consumer-group-policy", Map.of(
                "groupId", Map.of("pattern", "team-.*"),
                "sessionTimeoutMs", Map.of("min", 10000, "max", 60000, "action", "OVERRIDE")));
    }

    @AfterEach
    void cleanUp() {
        direct.close();
        ViolationRecorder.removeAll(GATEWAY);
        AUDIT.clear();
    }

    @ParameterizedTest(name = "group.protocol={0}")
    @ValueSource(strings = {"classic", "consumer"})
    void refusesAGroupIdOutsideTheConventionWithInvalidGroupId(String protocol) {
        String group = unique("orders");
        double countedBefore = ViolationRecorder.counted(GATEWAY, "consumer-groups", "groupId", "BLOCK");
        KafkaConsumer<String, String> consumer = GATEWAY.clients().consumer(group,
                Map.of(ConsumerConfig.GROUP_PROTOCOL_CONFIG, protocol));
        consumer.subscribe(List.of(topic));

        String message = "group id '" + group + "' does not match team-.* (rule groupId, interceptor consumer-groups)";
        assertThatThrownBy(() -> {
            for (int i = 0; i < 100; i++) {
                consumer.poll(Duration.ofMillis(200));
            }
        }).isInstanceOf(InvalidGroupIdException.class)
                .hasMessage("classic".equals(protocol) ? "The group id is invalid." : message);

        assertThat(AUDIT.events()).isNotEmpty().allSatisfy(event -> {
            assertThat(event.api()).isEqualTo("classic".equals(protocol) ? "JoinGroup" : "ConsumerGroupHeartbeat");
            assertThat(event.violation().rule()).isEqualTo("groupId");
            assertThat(event.violation().action()).isEqualTo(PolicyAction.BLOCK);
            assertThat(event.violation().value()).isEqualTo(group);
            assertThat(event.violation().message()).isEqualTo(message);
        });
        assertThat(ViolationRecorder.counted(GATEWAY, "consumer-groups", "groupId", "BLOCK"))
                .isEqualTo(countedBefore + AUDIT.events().size());
    }

    /**
     * A session timeout of 3 s is below the brokers' group.min.session.timeout.ms (6 s): they refuse such a member with
     * INVALID_SESSION_TIMEOUT. Clamped to the policy's 10 s, the member joins and consumes.
     */
    @Test
    void clampsATooSmallSessionTimeoutSoThatTheBrokerKeepsTheMember() throws Exception {
        String group = unique("team-billing");
        direct.producer().send(new ProducerRecord<>(topic, "k", "v")).get(30, TimeUnit.SECONDS);
        KafkaConsumer<String, String> consumer = GATEWAY.clients().consumer(group, Map.of(
                ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic",
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 3000,
                ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 1000));
        consumer.subscribe(List.of(topic));

        assertThat(Records.consume(consumer, 1, Duration.ofSeconds(30))).extracting(ConsumerRecord::value)
                .containsExactly("v");

        ConsumerGroupDescription description = direct.admin().describeConsumerGroups(List.of(group))
                .describedGroups().get(group).get(30, TimeUnit.SECONDS);
        assertThat(description.groupState()).isEqualTo(GroupState.STABLE);
        assertThat(description.members()).hasSize(1);
        assertThat(AUDIT.events()).extracting(PolicyViolationEvent::violation).anySatisfy(violation -> {
            assertThat(violation.rule()).isEqualTo("sessionTimeoutMs");
            assertThat(violation.action()).isEqualTo(PolicyAction.OVERRIDE);
            assertThat(violation.message()).isEqualTo("session timeout 3000 ms -> 10000 ms: below the minimum of "
                    + "10000 ms (rule sessionTimeoutMs, interceptor consumer-groups)");
        });
    }

    @Test
    void refusesATooSmallSessionTimeoutWithoutThePolicy() {
        ViolationRecorder.removeAll(GATEWAY);
        KafkaConsumer<String, String> consumer = GATEWAY.clients().consumer(unique("team-billing"), Map.of(
                ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic",
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 3000,
                ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 1000));
        consumer.subscribe(List.of(topic));

        assertThatThrownBy(() -> {
            for (int i = 0; i < 100; i++) {
                consumer.poll(Duration.ofMillis(200));
            }
        }).hasMessageContaining("session timeout");
    }
}
