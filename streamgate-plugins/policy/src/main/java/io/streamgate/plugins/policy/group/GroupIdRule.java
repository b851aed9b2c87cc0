package io.streamgate.plugins.policy.group;

import io.streamgate.api.InterceptorContext;
import io.streamgate.api.PolicyAction;
import io.streamgate.api.PolicyViolation;
import io.streamgate.plugins.policy.Refusal;
import org.apache.kafka.common.protocol.Errors;

import java.util.regex.Pattern;

/** Rule {@code groupId}: the whole group id must match a pattern; a broker refuses a bad one with INVALID_GROUP_ID. */
final class GroupIdRule {

    static final String NAME = "groupId";

    static final GroupIdRule NONE = new GroupIdRule(Pattern.compile(".*", Pattern.DOTALL), PolicyAction.INFO);

    private final Pattern pattern;
    private final PolicyAction action;

    GroupIdRule(Pattern pattern, PolicyAction action) {
        this.pattern = pattern;
        this.action = action;
    }

    /** Reports a group id that does not match; the refusal when the action is BLOCK, else null. */
    Refusal check(InterceptorContext context, String groupId) {
        if (groupId != null && pattern.matcher(groupId).matches()) {
            return null;
        }
        String message = "group id '" + groupId + "' does not match " + pattern.pattern() + " (rule " + NAME
                + ", interceptor " + context.interceptorName() + ")";
        context.reportViolation(new PolicyViolation(NAME, action, null, String.valueOf(groupId), message));
        return action == PolicyAction.BLOCK ? new Refusal(Errors.INVALID_GROUP_ID, message) : null;
    }
}
