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
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.streamgate.it.Records.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class CreateTopicPolicyIT {

    private static final String INTERCEPTOR = "topic-creation";
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
    void refusesATopicWithTooManyPartitionsWithPolicyViolationNamingTheRule() throws Exception {
        install(Map.of("partitions", Map.of("max", 12)));
        String topic = unique("too-wide");
        double before = violations("partitions", PolicyAction.BLOCK);

        CreateTopicsResult result = GATEWAY.clients().admin().createTopics(List.of(new NewTopic(topic, 500, (short) 3)));

        String message = "partitions 500 is above the maximum of 12 (rule partitions, interceptor " + INTERCEPTOR + ")";
        assertThatThrownBy(() -> result.all().get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(PolicyViolationException.class)
                .cause().hasMessage(message);
        assertThat(direct.listTopics().names().get()).doesNotContain(topic);
        await().untilAsserted(() -> assertThat(AUDIT.events()).singleElement().satisfies(event -> {
            assertThat(event.interceptor()).isEqualTo(INTERCEPTOR);
            assertThat(event.plugin()).isEqualTo("create-topic-policy");
            assertThat(event.api()).containsIgnoringCase("CreateTopics");
            assertThat(event.violation()).isEqualTo(
                    new PolicyViolation("partitions", PolicyAction.BLOCK, topic, "500", message));
        }));
        assertThat(violations("partitions", PolicyAction.BLOCK)).isEqualTo(before + 1);
    }

    @Test
    void createsACompliantTopic() throws Exception {
        install(Map.of("name", Map.of("pattern", "[a-z-]+-[0-9a-f]{8}"), "partitions", Map.of("min", 1, "max", 12),
                "replicationFactor", Map.of("min", 3, "max", 3),
                "configs", Map.of("cleanup.policy", Map.of("allowed", List.of("delete", "compact")))));
        String topic = unique("compliant");

        GATEWAY.clients().admin().createTopics(List.of(new NewTopic(topic, 6, (short) 3)
                .configs(Map.of("cleanup.policy", "compact")))).all().get(30, TimeUnit.SECONDS);

        await().untilAsserted(() -> assertThat(describe(topic).partitions()).hasSize(6));
        assertThat(AUDIT.events()).isEmpty();
    }

    @Test
    void refusesOnlyTheBadTopicOfARequestAndCreatesTheOther() throws Exception {
        install(Map.of("configs", Map.of("cleanup.policy", Map.of("allowed", List.of("delete")))));
        String good = unique("good");
        String bad = unique("bad");

        CreateTopicsResult result = GATEWAY.clients().admin().createTopics(List.of(new NewTopic(good, 1, (short) 3),
                new NewTopic(bad, 1, (short) 3).configs(Map.of("cleanup.policy", "compact"))));

        result.values().get(good).get(30, TimeUnit.SECONDS);
        assertThatThrownBy(() -> result.values().get(bad).get(30, TimeUnit.SECONDS))
                .hasCauseInstanceOf(PolicyViolationException.class).cause().hasMessage("cleanup.policy compact is not "
                        + "one of the allowed values [delete] (rule configs.cleanup.policy, interceptor " + INTERCEPTOR + ")");
        await().untilAsserted(() -> assertThat(direct.listTopics().names().get()).contains(good).doesNotContain(bad));
    }

    @Test
    void checksValidateOnlyCreationsTheSameWay() {
        install(Map.of("replicationFactor", Map.of("min", 3)));
        String topic = unique("dry-run");

        assertThatThrownBy(() -> GATEWAY.clients().admin().createTopics(List.of(new NewTopic(topic, 1, (short) 1)),
                new CreateTopicsOptions().validateOnly(true)).all().get(30, TimeUnit.SECONDS))
                .hasCauseInstanceOf(PolicyViolationException.class).cause()
                .hasMessageContaining("replicationFactor 1 is below the minimum of 3");
    }

    @Test
    void letsABadNameThroughWithInfoAndReportsIt() throws Exception {
        install(Map.of("name", Map.of("pattern", "[a-z]+\\.[a-z]+", "action", "INFO")));
        String topic = unique("Not_Dotted");

        GATEWAY.clients().admin().createTopics(List.of(new NewTopic(topic, 1, (short) 3))).all().get(30, TimeUnit.SECONDS);

        await().untilAsserted(() -> assertThat(direct.listTopics().names().get()).contains(topic));
        await().untilAsserted(() -> assertThat(AUDIT.events()).singleElement().extracting(PolicyViolationEvent::violation)
                .satisfies(violation -> {
                    assertThat(violation.rule()).isEqualTo("name");
                    assertThat(violation.action()).isEqualTo(PolicyAction.INFO);
                    assertThat(violation.topic()).isEqualTo(topic);
                }));
        assertThat(violations("name", PolicyAction.INFO)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void overridesCountsAndConfigsSoThatKafkaCreatesTheCorrectedTopic() throws Exception {
        install(Map.of("partitions", Map.of("max", 3, "action", "OVERRIDE"),
                "replicationFactor", Map.of("min", 3, "action", "OVERRIDE"),
                "configs", Map.of(
                        "retention.ms", Map.of("min", 3_600_000, "action", "OVERRIDE"),
                        "max.message.bytes", Map.of("required", true, "default", 2_000_000, "action", "OVERRIDE"))));
        String topic = unique("corrected");

        GATEWAY.clients().admin().createTopics(List.of(new NewTopic(topic, 10, (short) 1)
                .configs(Map.of("retention.ms", "1000")))).all().get(30, TimeUnit.SECONDS);

        await().untilAsserted(() -> {
            TopicDescription description = describe(topic);
            assertThat(description.partitions()).hasSize(3)
                    .allSatisfy(partition -> assertThat(partition.replicas()).hasSize(3));
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config config = direct.describeConfigs(List.of(resource)).all().get().get(resource);
            assertThat(config.get("retention.ms").value()).isEqualTo("3600000");
            assertThat(config.get("max.message.bytes").value()).isEqualTo("2000000");
        });
        await().untilAsserted(() -> assertThat(AUDIT.events()).extracting(event -> event.violation().rule())
                .containsExactlyInAnyOrder("partitions", "replicationFactor", "configs.retention.ms",
                        "configs.max.message.bytes"));
        assertThat(AUDIT.events()).extracting(event -> event.violation().action()).containsOnly(PolicyAction.OVERRIDE);
        assertThat(AUDIT.events()).extracting(event -> event.violation().message())
                .contains("partitions 10 is above the maximum of 3: overridden 10 -> 3 (rule partitions, interceptor "
                        + INTERCEPTOR + ")");
    }

    private static void install(Map<String, Object> config) {
        GATEWAY.gateway().interceptors().put(new InterceptorDefinition(INTERCEPTOR, "create-topic-policy", 100,
                Scope.GLOBAL, config, null));
    }

    private static TopicDescription describe(String topic) throws Exception {
        return direct.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
    }

    private static double violations(String rule, PolicyAction action) {
        return ViolationRecorder.counted(GATEWAY, INTERCEPTOR, rule, action.name());
    }
}
