package io.streamgate.plugins.policy.group;

import io.streamgate.api.Hooks;
import io.streamgate.api.Interceptor;
import io.streamgate.api.RequestOutcome;
import io.streamgate.plugins.policy.Refusal;
import org.apache.kafka.common.message.ConsumerGroupHeartbeatRequestData;
import org.apache.kafka.common.message.ConsumerGroupHeartbeatResponseData;
import org.apache.kafka.common.message.JoinGroupRequestData;
import org.apache.kafka.common.message.OffsetCommitRequestData;
import org.apache.kafka.common.message.ShareGroupHeartbeatRequestData;
import org.apache.kafka.common.message.ShareGroupHeartbeatResponseData;
import org.apache.kafka.common.protocol.ApiMessage;

import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Checks how members join groups: classic members in JoinGroup, KIP-848 consumers in ConsumerGroupHeartbeat, share
 * consumers in ShareGroupHeartbeat, and consumers that only commit offsets (assigned partitions) in OffsetCommit.
 * Timeouts are only in JoinGroup: a KIP-848 member's session timeout is the broker's. Rules run in order and the
 * first BLOCK refuses the whole request. Stateless; thread-safe.
 */
final class ConsumerGroupPolicyInterceptor implements Interceptor {

    private final GroupIdRule groupId;
    private final TimeoutRule sessionTimeout;
    private final TimeoutRule rebalanceTimeout;
    private final InstanceIdRule instanceId;

    ConsumerGroupPolicyInterceptor(GroupIdRule groupId, TimeoutRule sessionTimeout, TimeoutRule rebalanceTimeout,
                                   InstanceIdRule instanceId) {
        this.groupId = groupId;
        this.sessionTimeout = sessionTimeout;
        this.rebalanceTimeout = rebalanceTimeout;
        this.instanceId = instanceId;
    }

    @Override
    public void registerHooks(Hooks hooks) {
        hooks.onRequest(JoinGroupRequestData.class, (context, join) -> fail(firstRefusal(
                () -> groupId.check(context, join.groupId()),
                () -> sessionTimeout.check(context, join.sessionTimeoutMs(), join::setSessionTimeoutMs),
                // JoinGroup v0 has no rebalance timeout: the broker uses the session timeout
                () -> context.apiVersion() == 0 ? null
                        : rebalanceTimeout.check(context, join.rebalanceTimeoutMs(), join::setRebalanceTimeoutMs),
                () -> instanceId.check(context, join.groupInstanceId()))));
        // heartbeat responses carry a message, which the error responses kafka-clients builds leave out
        hooks.onRequest(ConsumerGroupHeartbeatRequestData.class, (context, heartbeat) -> answer(firstRefusal(
                () -> groupId.check(context, heartbeat.groupId()),
                // the instance id is sent when joining (epoch 0), and then only when it changes
                () -> heartbeat.memberEpoch() == 0 || heartbeat.instanceId() != null
                        ? instanceId.check(context, heartbeat.instanceId()) : null),
                refusal -> new ConsumerGroupHeartbeatResponseData().setErrorCode(refusal.error().code())
                        .setErrorMessage(refusal.message())));
        hooks.onRequest(ShareGroupHeartbeatRequestData.class, (context, heartbeat) -> answer(
                firstRefusal(() -> groupId.check(context, heartbeat.groupId())),
                refusal -> new ShareGroupHeartbeatResponseData().setErrorCode(refusal.error().code())
                        .setErrorMessage(refusal.message())));
        hooks.onRequest(OffsetCommitRequestData.class, (context, commit) ->
                fail(firstRefusal(() -> groupId.check(context, commit.groupId()))));
    }

    /** The first refusal of {@code checks}, run in order; null when none refuses. */
    @SafeVarargs
    private static Refusal firstRefusal(Supplier<Refusal>... checks) {
        for (Supplier<Refusal> check : checks) {
            Refusal refusal = check.get();
            if (refusal != null) {
                return refusal;
            }
        }
        return null;
    }

    private static CompletionStage<RequestOutcome> fail(Refusal refusal) {
        return refusal == null ? RequestOutcome.forward() : refusal.fail();
    }

    private static CompletionStage<RequestOutcome> answer(Refusal refusal, Function<Refusal, ApiMessage> response) {
        return refusal == null ? RequestOutcome.forward() : RequestOutcome.respond(response.apply(refusal));
    }
}
