package io.streamgate.plugins.policy.createtopic;

import io.streamgate.api.PluginConfig;
import io.streamgate.api.PolicyAction;
import io.streamgate.api.PolicyViolation;
import io.streamgate.api.RequestOutcome;
import io.streamgate.api.ResponseOutcome;
import io.streamgate.plugins.testkit.FakeInterceptorContext;
import io.streamgate.plugins.testkit.FakePluginContext;
import io.streamgate.plugins.testkit.RegisteredHooks;
import org.apache.kafka.common.message.CreateTopicsRequestData;
import org.apache.kafka.common.message.CreateTopicsRequestData.CreatableReplicaAssignment;
import org.apache.kafka.common.message.CreateTopicsRequestData.CreatableTopic;
import org.apache.kafka.common.message.CreateTopicsRequestData.CreatableTopicConfig;
import org.apache.kafka.common.message.CreateTopicsResponseData;
import org.apache.kafka.common.message.CreateTopicsResponseData.CreatableTopicResult;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class CreateTopicPolicyInterceptorTest {

    private final FakeInterceptorContext context = new FakeInterceptorContext(ApiKeys.CREATE_TOPICS, 7)
            .interceptorName("topics");

    @Test
    void forwardsACompliantTopicUntouchedAndReportsNothing() {
        CreateTopicsRequestData request = request(topic("orders", 6, 3, Map.of("cleanup.policy", "delete")));

        RequestOutcome outcome = hooks(Map.of("name", Map.of("pattern", "[a-z]+"),
                "partitions", Map.of("min", 1, "max", 12), "replicationFactor", Map.of("min", 3),
                "configs", Map.of("cleanup.policy", Map.of("allowed", List.of("delete")))))
                .request(context, request);

        assertThat(outcome).isEqualTo(new RequestOutcome.Forward(null));
        assertThat(request).isEqualTo(request(topic("orders", 6, 3, Map.of("cleanup.policy", "delete"))));
        assertThat(context.violations()).isEmpty();
    }

    @Test
    void refusesANameThatDoesNotMatchWithPolicyViolation() {
        RequestOutcome outcome = hooks(Map.of("name", Map.of("pattern", "[a-z]+\\.[a-z]+")))
                .request(context, request(topic("Orders", 1, 1, Map.of())));

        String message = "topic name Orders does not match [a-z]+\\.[a-z]+ (rule name, interceptor topics)";
        assertThat(results(outcome)).containsExactly(refused("Orders", message));
        assertThat(context.violations()).containsExactly(
                new PolicyViolation("name", PolicyAction.BLOCK, "Orders", "Orders", message));
    }

    @Test
    void letsABadNameThroughWithInfoAndReportsIt() {
        CreateTopicsRequestData request = request(topic("Orders", 1, 1, Map.of()));

        RequestOutcome outcome = hooks(Map.of("name", Map.of("pattern", "[a-z]+", "action", "INFO")))
                .request(context, request);

        assertThat(outcome).isEqualTo(new RequestOutcome.Forward(null));
        assertThat(request.topics()).hasSize(1);
        assertThat(context.violations()).singleElement().extracting(PolicyViolation::action)
                .isEqualTo(PolicyAction.INFO);
    }

    @Test
    void refusesTooManyPartitionsNamingTheMaximum() {
        RequestOutcome outcome = hooks(Map.of("partitions", Map.of("max", 12)))
                .request(context, request(topic("orders", 500, 3, Map.of())));

        assertThat(results(outcome)).containsExactly(refused("orders",
                "partitions 500 is above the maximum of 12 (rule partitions, interceptor topics)"));
    }

    @Test
    void clampsPartitionsAndReplicationFactorWithOverride() {
        CreateTopicsRequestData request = request(topic("orders", 500, 1, Map.of()));

        RequestOutcome outcome = hooks(Map.of("partitions", Map.of("max", 12, "action", "OVERRIDE"),
                "replicationFactor", Map.of("min", 3, "action", "OVERRIDE"))).request(context, request);

        assertThat(outcome).isEqualTo(new RequestOutcome.Forward(null));
        CreatableTopic topic = request.topics().find("orders");
        assertThat(topic.numPartitions()).isEqualTo(12);
        assertThat(topic.replicationFactor()).isEqualTo((short) 3);
        assertThat(context.violations()).extracting(PolicyViolation::rule, PolicyViolation::action,
                PolicyViolation::message).containsExactly(
                tuple("partitions", PolicyAction.OVERRIDE, "partitions 500 is above the "
                        + "maximum of 12: overridden 500 -> 12 (rule partitions, interceptor topics)"),
                tuple("replicationFactor", PolicyAction.OVERRIDE, "replicationFactor 1 "
                        + "is below the minimum of 3: overridden 1 -> 3 (rule replicationFactor, interceptor topics)"));
    }

    @Test
    void refusesTooFewReplicas() {
        RequestOutcome outcome = hooks(Map.of("replicationFactor", Map.of("min", 3, "max", 3)))
                .request(context, request(topic("orders", 1, 1, Map.of())));

        assertThat(results(outcome)).containsExactly(refused("orders",
                "replicationFactor 1 is below the minimum of 3 (rule replicationFactor, interceptor topics)"));
    }

    @Test
    void leavesTheBrokerDefaultsUnchecked() {
        CreateTopicsRequestData request = request(topic("orders", -1, -1, Map.of()));

        RequestOutcome outcome = hooks(Map.of("partitions", Map.of("min", 3, "action", "OVERRIDE"),
                "replicationFactor", Map.of("min", 3))).request(context, request);

        assertThat(outcome).isEqualTo(new RequestOutcome.Forward(null));
        assertThat(request.topics().find("orders").numPartitions()).isEqualTo(-1);
        assertThat(context.violations()).isEmpty();
    }

    @Test
    void checksAManualAssignmentButCannotOverrideIt() {
        CreatableTopic topic = topic("orders", -1, -1, Map.of());
        topic.assignments().add(new CreatableReplicaAssignment().setPartitionIndex(0).setBrokerIds(List.of(1)));
        topic.assignments().add(new CreatableReplicaAssignment().setPartitionIndex(1).setBrokerIds(List.of(2)));

        RequestOutcome outcome = hooks(Map.of("replicationFactor", Map.of("min", 3, "action", "OVERRIDE"),
                "partitions", Map.of("max", 2, "action", "OVERRIDE"))).request(context, request(topic));

        assertThat(results(outcome)).containsExactly(refused("orders",
                "replicationFactor 1 is below the minimum of 3 (rule replicationFactor, interceptor topics)"));
    }

    @Test
    void refusesAConfigValueThatIsNotAllowed() {
        RequestOutcome outcome = hooks(Map.of("configs", Map.of("cleanup.policy",
                Map.of("allowed", List.of("delete")))))
                .request(context, request(topic("orders", 1, 3, Map.of("cleanup.policy", "compact"))));

        String message = "cleanup.policy compact is not one of the allowed values [delete] "
                + "(rule configs.cleanup.policy, interceptor topics)";
        assertThat(results(outcome)).containsExactly(refused("orders", message));
        assertThat(context.violations()).containsExactly(new PolicyViolation("configs.cleanup.policy",
                PolicyAction.BLOCK, "orders", "compact", message));
    }

    @Test
    void fillsInAMissingRequiredConfigAndClampsAnotherWithOverride() {
        CreateTopicsRequestData request = request(topic("orders", 1, 3, Map.of("retention.ms", "1000")));

        hooks(Map.of("configs", Map.of(
                "retention.ms", Map.of("min", 3_600_000, "action", "OVERRIDE"),
                "min.insync.replicas", Map.of("required", true, "default", "2", "action", "OVERRIDE"))))
                .request(context, request);

        CreatableTopic topic = request.topics().find("orders");
        assertThat(topic.configs().find("retention.ms").value()).isEqualTo("3600000");
        assertThat(topic.configs().find("min.insync.replicas").value()).isEqualTo("2");
        assertThat(context.violations()).extracting(PolicyViolation::message).containsExactlyInAnyOrder(
                "retention.ms 1000 is below the minimum of 3600000: overridden 1000 -> 3600000 "
                        + "(rule configs.retention.ms, interceptor topics)",
                "min.insync.replicas is not set and is required: overridden unset -> 2 "
                        + "(rule configs.min.insync.replicas, interceptor topics)");
    }

    @Test
    void refusesAMissingRequiredConfigWithoutOverride() {
        RequestOutcome outcome = hooks(Map.of("configs", Map.of("min.insync.replicas", Map.of("required", true))))
                .request(context, request(topic("orders", 1, 3, Map.of())));

        assertThat(results(outcome)).containsExactly(refused("orders",
                "min.insync.replicas is not set and is required (rule configs.min.insync.replicas, interceptor topics)"));
    }

    @Test
    void refusesOnlyTheBadTopicAndAddsItsErrorToTheBrokersResponse() {
        CreateTopicsRequestData request = request(topic("orders", 6, 3, Map.of()), topic("huge", 500, 3, Map.of()));
        RegisteredHooks hooks = hooks(Map.of("partitions", Map.of("max", 12)));

        RequestOutcome outcome = hooks.request(context, request);

        assertThat(outcome).isEqualTo(new RequestOutcome.Forward(null));
        assertThat(request.topics()).extracting(CreatableTopic::name).containsExactly("orders");
        CreateTopicsResponseData response = new CreateTopicsResponseData();
        response.topics().add(new CreatableTopicResult().setName("orders").setNumPartitions(6)
                .setReplicationFactor((short) 3));
        assertThat(hooks.response(context, response)).isEqualTo(new ResponseOutcome.Forward(null));
        assertThat(response.topics()).extracting(CreatableTopicResult::name, CreatableTopicResult::errorCode)
                .containsExactly(tuple("orders", Errors.NONE.code()),
                        tuple("huge", Errors.POLICY_VIOLATION.code()));
    }

    @Test
    void checksValidateOnlyRequestsTheSameWay() {
        CreateTopicsRequestData request = request(topic("huge", 500, 3, Map.of())).setValidateOnly(true);

        RequestOutcome outcome = hooks(Map.of("partitions", Map.of("max", 12))).request(context, request);

        assertThat(results(outcome)).extracting(CreatableTopicResult::errorCode)
                .containsExactly(Errors.POLICY_VIOLATION.code());
    }

    @Test
    void leavesResponsesWithoutRefusalsAlone() {
        RegisteredHooks hooks = hooks(Map.of("partitions", Map.of("max", 12)));
        hooks.request(context, request(topic("orders", 6, 3, Map.of())));
        CreateTopicsResponseData response = new CreateTopicsResponseData();
        response.topics().add(new CreatableTopicResult().setName("orders"));

        hooks.response(context, response);

        assertThat(response.topics()).hasSize(1);
    }

    private static CreatableTopicResult refused(String topic, String message) {
        return new CreatableTopicResult().setName(topic).setErrorCode(Errors.POLICY_VIOLATION.code())
                .setErrorMessage(message);
    }

    /** The topics of the response the gateway answered with itself. */
    private static List<CreatableTopicResult> results(RequestOutcome outcome) {
        assertThat(outcome).isInstanceOf(RequestOutcome.Respond.class);
        return List.copyOf(((CreateTopicsResponseData) ((RequestOutcome.Respond) outcome).response()).topics());
    }

    private static RegisteredHooks hooks(Map<String, ?> config) {
        return RegisteredHooks.of(new CreateTopicPolicyPlugin().create(new PluginConfig(config),
                new FakePluginContext()));
    }

    private static CreateTopicsRequestData request(CreatableTopic... topics) {
        CreateTopicsRequestData request = new CreateTopicsRequestData();
        for (CreatableTopic topic : topics) {
            request.topics().add(topic);
        }
        return request;
    }

    private static CreatableTopic topic(String name, int partitions, int replicationFactor, Map<String, String> configs) {
        CreatableTopic topic = new CreatableTopic().setName(name).setNumPartitions(partitions)
                .setReplicationFactor((short) replicationFactor);
        configs.forEach((key, value) -> topic.configs().add(new CreatableTopicConfig().setName(key).setValue(value)));
        return topic;
    }
}
