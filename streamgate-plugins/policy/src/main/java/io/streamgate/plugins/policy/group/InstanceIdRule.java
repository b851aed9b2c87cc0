package io.streamgate.plugins.policy.group;

import io.streamgate.api.InterceptorContext;
import io.streamgate.api.PolicyAction;
import io.streamgate.api.PolicyViolation;
import io.streamgate.plugins.policy.Refusal;
import org.apache.kafka.common.protocol.Errors;

/**
 * Rule {@code groupInstanceId}: static membership ({@code group.instance.id}) required, so that restarts do not
 * rebalance, or forbidden, so that a crashed member does not hold its partitions for a whole session timeout. No
 * broker error is about this, so BLOCK answers INVALID_REQUEST.
 */
final class InstanceIdRule {

    static final String NAME = "groupInstanceId";

    /** Whether members must set a group instance id, must not, or may do either (no rule configured). */
    enum Presence { REQUIRED, FORBIDDEN, ANY }

    static final InstanceIdRule NONE = new InstanceIdRule(Presence.ANY, PolicyAction.INFO);

    private final Presence presence;
    private final PolicyAction action;

    InstanceIdRule(Presence presence, PolicyAction action) {
        this.presence = presence;
        this.action = action;
    }

    /**
     * Reports a member whose instance id breaks the rule.
     *
     * @param instanceId the member's instance id, or null when it has none
     * @return the refusal when the action is BLOCK, else null
     */
    Refusal check(InterceptorContext context, String instanceId) {
        String message;
        if (presence == Presence.REQUIRED && instanceId == null) {
            message = "group.instance.id is required";
        } else if (presence == Presence.FORBIDDEN && instanceId != null) {
            message = "group.instance.id '" + instanceId + "' is forbidden";
        } else {
            return null;
        }
        message += " (rule " + NAME + ", interceptor " + context.interceptorName() + ")";
        context.reportViolation(new PolicyViolation(NAME, action, null, String.valueOf(instanceId), message));
        return action == PolicyAction.BLOCK ? new Refusal(Errors.INVALID_REQUEST, message) : null;
    }
}
