package io.streamgate.it.policy;

import io.streamgate.api.PolicyAction;
import io.streamgate.api.PolicyViolation;
import io.streamgate.api.Scope;
import io.streamgate.core.chain.InterceptorDefinition;
import io.streamgate.core.policy.PolicyViolationEvent;
import io.streamgate.it.ItCluster;
import io.streamgate.testing.junit.GatewayExtension;
import io.streamgate.testing.junit.KafkaClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.AlterConfigOp.OpType;
import org.apache.kafka.clients.admin.AlterConfigsResult;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.streamgate.it.Records.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class AlterTopicConfigPolicyIT {

    private static final String INTERCEPTOR = "topic-configs";
    private static final ViolationRecorder AUDIT = new ViolationRecorder();

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = ItCluster.KAFKA;

    @RegisterExtension
    static final GatewayExtension GATEWAY = AUDIT.gatewayAuditedHere(GatewayExtension.inFrontOf(KAFKA));

    private static Admin direct;

    @BeforeAll
    static void connectDirectly() {
        direct = Admin.create(Map.of("bootstrap.servers", KAFKA.cluster().bootstrapServers()));
    }

    @AfterAll
    static void disconnect() {
        direct.close();
    }

    @AfterEach
    void removeInterceptors() {
        GATEWAY.gateway().interceptors().replaceAll(List.of());
        AUDIT.clear();
    }

    @Test
    void refusesChangingADeniedConfigWithPolicyViolationNamingTheRule() throws Exception {
        install(Map.of("denied", List.of("min.insync.replicas")));
        String topic = topic();
        double before = violations("denied", PolicyAction.BLOCK);

        AlterConfigsResult result = alter(topic, set("min.insync.replicas", "1"));

        String message = "config min.insync.replicas may not be changed (rule denied, interceptor " + INTERCEPTOR + ")";
        assertThatThrownBy(() -> result.all().get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(PolicyViolationException.class)
                .cause().hasMessage(message);
        alter(topic, set("retention.ms", "86400000")).all().get(30, TimeUnit.SECONDS);
        awaitKafkaConfig(topic, "retention.ms", "86400000"); // so a refused change would be visible too
        assertThat(kafkaConfig(topic, "min.insync.replicas").source())
                .isNotEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
        await().untilAsserted(() -> assertThat(AUDIT.events()).singleElement().satisfies(event -> {
            assertThat(event.plugin()).isEqualTo("alter-topic-config-policy");
            assertThat(event.violation()).isEqualTo(
                    new PolicyViolation("denied", PolicyAction.BLOCK, topic, "min.insync.replicas", message));
        }));
        assertThat(violations("denied", PolicyAction.BLOCK)).isEqualTo(before + 1);
    }

    @Test
    void appliesACompliantChange() throws Exception {
        install(Map.of("denied", List.of("min.insync.replicas"),
                "configs", Map.of("retention.ms", Map.of("min", 3_600_000, "max", 604_800_000))));
        String topic = topic();

        alter(topic, set("retention.ms", "86400000")).all().get(30, TimeUnit.SECONDS);

        awaitKafkaConfig(topic, "retention.ms", "86400000");
        assertThat(AUDIT.events()).isEmpty();
    }

    @Test
    void refusesOnlyTheBadTopicAndChangesTheOther() throws Exception {
        install(Map.of("configs", Map.of("retention.ms", Map.of("max", 604_800_000))));
        String good = topic();
        String bad = topic();

        AlterConfigsResult result = GATEWAY.clients().admin().incrementalAlterConfigs(Map.of(
                resource(good), List.of(set("retention.ms", "86400000")),
                resource(bad), List.of(set("retention.ms", "-1"))));

        result.values().get(resource(good)).get(30, TimeUnit.SECONDS);
        assertThatThrownBy(() -> result.values().get(resource(bad)).get(30, TimeUnit.SECONDS))
                .hasCauseInstanceOf(PolicyViolationException.class).cause().hasMessage("retention.ms -1 (unlimited) is "
                        + "above the maximum of 604800000 (rule configs.retention.ms, interceptor " + INTERCEPTOR + ")");
        awaitKafkaConfig(good, "retention.ms", "86400000");
        assertThat(kafkaConfig(bad, "retention.ms").source()).isNotEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
    }

    @Test
    void letsABreachThroughWithInfoAndReportsIt() throws Exception {
        install(Map.of("configs", Map.of("cleanup.policy", Map.of("allowed", List.of("delete"), "action", "INFO"))));
        String topic = topic();

        alter(topic, set("cleanup.policy", "compact")).all().get(30, TimeUnit.SECONDS);

        awaitKafkaConfig(topic, "cleanup.policy", "compact");
        await().untilAsserted(() -> assertThat(AUDIT.events()).singleElement().extracting(PolicyViolationEvent::violation)
                .isEqualTo(new PolicyViolation("configs.cleanup.policy", PolicyAction.INFO, topic, "compact",
                        "cleanup.policy compact is not one of the allowed values [delete] "
                                + "(rule configs.cleanup.policy, interceptor " + INTERCEPTOR + ")")));
        assertThat(violations("configs.cleanup.policy", PolicyAction.INFO)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void overridesTheValueSoThatKafkaHasTheCorrectedOne() throws Exception {
        install(Map.of("configs", Map.of(
                "retention.ms", Map.of("min", 3_600_000, "action", "OVERRIDE"),
                "max.message.bytes", Map.of("required", true, "default", 2_000_000, "action", "OVERRIDE"))));
        String topic = topic();

        alter(topic, set("retention.ms", "1000"), new AlterConfigOp(new ConfigEntry("max.message.bytes", null),
                OpType.DELETE)).all().get(30, TimeUnit.SECONDS);

        awaitKafkaConfig(topic, "retention.ms", "3600000");
        awaitKafkaConfig(topic, "max.message.bytes", "2000000");
        await().untilAsserted(() -> assertThat(AUDIT.events()).extracting(event -> event.violation().message())
                .containsExactlyInAnyOrder(
                        "retention.ms 1000 is below the minimum of 3600000: overridden 1000 -> 3600000 "
                                + "(rule configs.retention.ms, interceptor " + INTERCEPTOR + ")",
                        "max.message.bytes is not set and is required: overridden unset -> 2000000 "
                                + "(rule configs.max.message.bytes, interceptor " + INTERCEPTOR + ")"));
    }

    private static void install(Map<String, Object> config) {
        GATEWAY.gateway().interceptors().put(new InterceptorDefinition(INTERCEPTOR, "alter-topic-config-policy", 100,
                Scope.GLOBAL, config, null));
    }

    private static String topic() throws Exception {
        String topic = unique("configs");
        direct.createTopics(List.of(new NewTopic(topic, 1, (short) 3))).all().get(30, TimeUnit.SECONDS);
        return topic;
    }

    private static ConfigResource resource(String topic) {
        return new ConfigResource(ConfigResource.Type.TOPIC, topic);
    }

    private static AlterConfigOp set(String key, String value) {
        return new AlterConfigOp(new ConfigEntry(key, value), OpType.SET);
    }

    private static AlterConfigsResult alter(String topic, AlterConfigOp... operations) {
        Map<ConfigResource, Collection<AlterConfigOp>> change = Map.of(resource(topic), List.of(operations));
        return GATEWAY.clients().admin().incrementalAlterConfigs(change);
    }

    /** Waits for the value to reach the broker that answers: a change reaches the brokers one after the other. */
    private static void awaitKafkaConfig(String topic, String key, String value) {
        await().untilAsserted(() -> assertThat(kafkaConfig(topic, key).value()).isEqualTo(value));
    }

    private static ConfigEntry kafkaConfig(String topic, String key) throws Exception {
        return direct.describeConfigs(List.of(resource(topic))).all().get(30, TimeUnit.SECONDS)
                .get(resource(topic)).get(key);
    }

    private static double violations(String rule, PolicyAction action) {
        return ViolationRecorder.counted(GATEWAY, INTERCEPTOR, rule, action.name());
    }
}
