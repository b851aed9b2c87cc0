package io.streamgate.plugins.policy.group;

import io.streamgate.api.PluginConfig;
import io.streamgate.api.PolicyAction;
import io.streamgate.api.PolicyViolation;
import io.streamgate.api.RequestOutcome;
import io.streamgate.plugins.testkit.FakeInterceptorContext;
import io.streamgate.plugins.testkit.FakePluginContext;
import io.streamgate.plugins.testkit.RegisteredHooks;
import org.apache.kafka.common.message.ConsumerGroupHeartbeatRequestData;
import org.apache.kafka.common.message.ConsumerGroupHeartbeatResponseData;
import org.apache.kafka.common.message.JoinGroupRequestData;
import org.apache.kafka.common.message.OffsetCommitRequestData;
import org.apache.kafka.common.message.ShareGroupHeartbeatRequestData;
import org.apache.kafka.common.message.ShareGroupHeartbeatResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConsumerGroupPolicyInterceptorTest {

    private static final Map<String, Object> GROUP_ID = Map.of("groupId", Map.of("pattern", "team-.*"));

    @Test
    void refusesAJoinGroupWhoseGroupIdDoesNotMatchWithInvalidGroupId() {
        FakeInterceptorContext context = new FakeInterceptorContext(ApiKeys.JOIN_GROUP, 9).interceptorName("groups");

        RequestOutcome outcome = hooks(GROUP_ID).request(context, join("orders", 45000, 300000));

        String message = "group id 'orders' does not match team-.* (rule groupId, interceptor groups)";
        assertThat(outcome).isEqualTo(new RequestOutcome.Fail(Errors.INVALID_GROUP_ID, message));
        assertThat(context.violations()).containsExactly(
                new PolicyViolation("groupId", PolicyAction.BLOCK, null, "orders", message));
    }

    @Test
    void forwardsAJoinGroupWhoseGroupIdMatchesWithoutReporting() {
        FakeInterceptorContext context = new FakeInterceptorContext(ApiKeys.JOIN_GROUP, 9);

        assertThat(hooks(GROUP_ID).request(context, join("team-orders", 45000, 300000)))
                .isEqualTo(new RequestOutcome.Forward(null));
        assertThat(context.violations()).isEmpty();
    }

    @Test
    void reportsButForwardsABadGroupIdUnderInfo() {
        FakeInterceptorContext context = new FakeInterceptorContext(ApiKeys.JOIN_GROUP, 9);

        RequestOutcome outcome = hooks(Map.of("groupId", Map.of("pattern", "team-.*", "action", "INFO")))
                .request(context, join("orders", 45000, 300000));

        assertThat(outcome).isEqualTo(new RequestOutcome.Forward(null));
        assertThat(context.violations()).singleElement().extracting(PolicyViolation::action)
                .isEqualTo(PolicyAction.INFO);
    }

    @Test
    void checksTheGroupIdOfKip848ShareAndOffsetCommitRequests() {
        RegisteredHooks hooks = hooks(GROUP_ID);

        String message = "group id 'orders' does not match team-.* (rule groupId, interceptor under-test)";
        assertThat(hooks.request(new FakeInterceptorContext(ApiKeys.CONSUMER_GROUP_HEARTBEAT, 1),
                new ConsumerGroupHeartbeatRequestData().setGroupId("orders").setMemberEpoch(0)))
                .as("answered with the message, which kafka-clients' error response leaves out")
                .isEqualTo(new RequestOutcome.Respond(new ConsumerGroupHeartbeatResponseData()
                        .setErrorCode(Errors.INVALID_GROUP_ID.code()).setErrorMessage(message)));
        assertThat(hooks.request(new FakeInterceptorContext(ApiKeys.SHARE_GROUP_HEARTBEAT, 1),
                new ShareGroupHeartbeatRequestData().setGroupId("orders")))
                .isEqualTo(new RequestOutcome.Respond(new ShareGroupHeartbeatResponseData()
                        .setErrorCode(Errors.INVALID_GROUP_ID.code()).setErrorMessage(message)));
        assertThat(hooks.request(new FakeInterceptorContext(ApiKeys.OFFSET_COMMIT, 9),
                new OffsetCommitRequestData().setGroupId("orders")))
                .isInstanceOf(RequestOutcome.Fail.class);
        assertThat(hooks.request(new FakeInterceptorContext(ApiKeys.CONSUMER_GROUP_HEARTBEAT, 1),
                new ConsumerGroupHeartbeatRequestData().setGroupId("team-a").setMemberEpoch(0)))
                .isEqualTo(new RequestOutcome.Forward(null));
    }

    @Test
    void refusesASessionTimeoutOutsideTheRangeWithInvalidSessionTimeout() {
        RegisteredHooks hooks = hooks(Map.of("sessionTimeoutMs", Map.of("min", 10000, "max", 60000)));
        FakeInterceptorContext context = new FakeInterceptorContext(ApiKeys.JOIN_GROUP, 9).interceptorName("groups");

        RequestOutcome outcome = hooks.request(context, join("g", 6000, 300000));

        String message = "session timeout 6000 ms is below the minimum of 10000 ms (rule sessionTimeoutMs, "
                + "interceptor groups)";
        assertThat(outcome).isEqualTo(new RequestOutcome.Fail(Errors.INVALID_SESSION_TIMEOUT, message));
        assertThat(context.violations()).containsExactly(
                new PolicyViolation("sessionTimeoutMs", PolicyAction.BLOCK, null, "6000", message));
        assertThat(hooks.request(new FakeInterceptorContext(ApiKeys.JOIN_GROUP, 9), join("g", 90000, 300000)))
                .isInstanceOfSatisfying(RequestOutcome.Fail.class, fail -> assertThat(fail.message())
                        .startsWith("session timeout 90000 ms is above the maximum of 60000 ms"));
        assertThat(hooks.request(new FakeInterceptorContext(ApiKeys.JOIN_GROUP, 9), join("g", 60000, 300000)))
                .isEqualTo(new RequestOutcome.Forward(null));
    }

    @Test
    void clampsTimeoutsIntoTheRangeUnderOverride() {
        RegisteredHooks hooks = hooks(Map.of(
                "sessionTimeoutMs", Map.of("min", 10000, "max", 60000, "action", "OVERRIDE"),
                "rebalanceTimeoutMs", Map.of("max", 120000, "action", "OVERRIDE")));
        FakeInterceptorContext context = new FakeInterceptorContext(ApiKeys.JOIN_GROUP, 9).interceptorName("groups");
        JoinGroupRequestData join = join("g", 6000, 300000);

        assertThat(hooks.request(context, join)).isEqualTo(new RequestOutcome.Forward(null));

        assertThat(join.sessionTimeoutMs()).isEqualTo(10000);
        assertThat(join.rebalanceTimeoutMs()).isEqualTo(120000);
        assertThat(context.violations()).extracting(PolicyViolation::message).containsExactly(
                "session timeout 6000 ms -> 10000 ms: below the minimum of 10000 ms (rule sessionTimeoutMs, "
                        + "interceptor groups)",
                "rebalance timeout 300000 ms -> 120000 ms: above the maximum of 120000 ms (rule rebalanceTimeoutMs, "
                        + "interceptor groups)");
        assertThat(context.violations()).extracting(PolicyViolation::action).containsOnly(PolicyAction.OVERRIDE);
    }

    @Test
    void leavesTheRebalanceTimeoutOfJoinGroupV0Alone() {
        RegisteredHooks hooks = hooks(Map.of("rebalanceTimeoutMs", Map.of("max", 1000)));
        FakeInterceptorContext context = new FakeInterceptorContext(ApiKeys.JOIN_GROUP, 0);

        assertThat(hooks.request(context, join("g", 30000, -1).setRebalanceTimeoutMs(-1)))
                .isEqualTo(new RequestOutcome.Forward(null));
        assertThat(context.violations()).isEmpty();
    }

    @Test
    void stopsAtTheFirstBlockingRule() {
        RegisteredHooks hooks = hooks(Map.of("groupId", Map.of("pattern", "team-.*"),
                "sessionTimeoutMs", Map.of("min", 10000)));
        FakeInterceptorContext context = new FakeInterceptorContext(ApiKeys.JOIN_GROUP, 9);

        hooks.request(context, join("orders", 6000, 300000));

        assertThat(context.violations()).extracting(PolicyViolation::rule).containsExactly("groupId");
    }

    @Test
    void requiresAGroupInstanceIdInJoinGroupAndKip848Joins() {
        RegisteredHooks hooks = hooks(Map.of("groupInstanceId", Map.of("presence", "required")));
        FakeInterceptorContext context = new FakeInterceptorContext(ApiKeys.JOIN_GROUP, 9).interceptorName("groups");

        String message = "group.instance.id is required (rule groupInstanceId, interceptor groups)";
        assertThat(hooks.request(context, join("g", 45000, 300000)))
                .isEqualTo(new RequestOutcome.Fail(Errors.INVALID_REQUEST, message));
        assertThat(hooks.request(context, join("g", 45000, 300000).setGroupInstanceId("pod-1")))
                .isEqualTo(new RequestOutcome.Forward(null));
        assertThat(hooks.request(new FakeInterceptorContext(ApiKeys.CONSUMER_GROUP_HEARTBEAT, 1),
                new ConsumerGroupHeartbeatRequestData().setGroupId("g").setMemberEpoch(0)))
                .isInstanceOfSatisfying(RequestOutcome.Respond.class, respond -> assertThat(
                        ((ConsumerGroupHeartbeatResponseData) respond.response()).errorCode())
                        .isEqualTo(Errors.INVALID_REQUEST.code()));
        assertThat(hooks.request(new FakeInterceptorContext(ApiKeys.CONSUMER_GROUP_HEARTBEAT, 1),
                new ConsumerGroupHeartbeatRequestData().setGroupId("g").setMemberEpoch(5)))
                .as("later heartbeats leave the unchanged instance id out")
                .isEqualTo(new RequestOutcome.Forward(null));
    }

    @Test
    void forbidsAGroupInstanceId() {
        RegisteredHooks hooks = hooks(Map.of("groupInstanceId", Map.of("presence", "forbidden")));
        FakeInterceptorContext context = new FakeInterceptorContext(ApiKeys.CONSUMER_GROUP_HEARTBEAT, 1)
                .interceptorName("groups");

        RequestOutcome outcome = hooks.request(context,
                new ConsumerGroupHeartbeatRequestData().setGroupId("g").setMemberEpoch(0).setInstanceId("pod-1"));

        String message = "group.instance.id 'pod-1' is forbidden (rule groupInstanceId, interceptor groups)";
        assertThat(outcome).isEqualTo(new RequestOutcome.Respond(new ConsumerGroupHeartbeatResponseData()
                .setErrorCode(Errors.INVALID_REQUEST.code()).setErrorMessage(message)));
        assertThat(context.violations()).containsExactly(
                new PolicyViolation("groupInstanceId", PolicyAction.BLOCK, null, "pod-1", message));
        assertThat(hooks.request(new FakeInterceptorContext(ApiKeys.JOIN_GROUP, 9), join("g", 45000, 300000)))
                .isEqualTo(new RequestOutcome.Forward(null));
    }

    private static JoinGroupRequestData join(String groupId, int sessionTimeoutMs, int rebalanceTimeoutMs) {
        return new JoinGroupRequestData().setGroupId(groupId).setSessionTimeoutMs(sessionTimeoutMs)
                .setRebalanceTimeoutMs(rebalanceTimeoutMs).setMemberId("").setProtocolType("consumer");
    }

    private static RegisteredHooks hooks(Map<String, ?> config) {
        return RegisteredHooks.of(new ConsumerGroupPolicyPlugin().create(new PluginConfig(config),
                new FakePluginContext()));
    }
}
