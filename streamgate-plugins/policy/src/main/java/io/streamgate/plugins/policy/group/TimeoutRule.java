package io.streamgate.plugins.policy.group;

import io.streamgate.api.InterceptorContext;
import io.streamgate.api.PolicyAction;
import io.streamgate.api.PolicyViolation;
import io.streamgate.plugins.policy.Refusal;
import org.apache.kafka.common.protocol.Errors;

import java.util.function.IntConsumer;

/**
 * Rules {@code sessionTimeoutMs} and {@code rebalanceTimeoutMs}: a timeout a member asks for must lie within
 * [min, max]. A broker refuses a session timeout outside its own bounds with INVALID_SESSION_TIMEOUT, and so does
 * BLOCK; OVERRIDE clamps the value into the range.
 *
 * @param name the rule's name, which is its configuration field
 * @param what the timeout in words, for messages
 */
record TimeoutRule(String name, String what, long min, long max, PolicyAction action) {

    /** A rule that every timeout satisfies, for a rule that is not configured. */
    static TimeoutRule none(String name) {
        return new TimeoutRule(name, name, Long.MIN_VALUE, Long.MAX_VALUE, PolicyAction.INFO);
    }

    /**
     * Reports a timeout outside the range and, for OVERRIDE, gives the clamped value to {@code override}.
     *
     * @return the refusal when the action is BLOCK, else null
     */
    Refusal check(InterceptorContext context, int timeoutMs, IntConsumer override) {
        String breach;
        long bound;
        if (timeoutMs < min) {
            breach = "below the minimum of " + min + " ms";
            bound = min;
        } else if (timeoutMs > max) {
            breach = "above the maximum of " + max + " ms";
            bound = max;
        } else {
            return null;
        }
        String rule = " (rule " + name + ", interceptor " + context.interceptorName() + ")";
        String message = action == PolicyAction.OVERRIDE
                ? what + " " + timeoutMs + " ms -> " + bound + " ms: " + breach + rule
                : what + " " + timeoutMs + " ms is " + breach + rule;
        context.reportViolation(new PolicyViolation(name, action, null, Integer.toString(timeoutMs), message));
        if (action == PolicyAction.OVERRIDE) {
            override.accept((int) bound);
        }
        return action == PolicyAction.BLOCK ? new Refusal(Errors.INVALID_SESSION_TIMEOUT, message) : null;
    }
}
