package io.streamgate.plugins.policy.fetch;

import io.streamgate.api.PolicyAction;

/**
 * A rule that keeps a number of the Fetch request within {@code [min, max]}, e.g. {@code maxWaitMs}.
 *
 * @param rule the rule's name
 * @param subject what the number is, as messages name it, e.g. {@code fetch maxWaitMs}
 */
record Bounds(String rule, String subject, long min, long max, PolicyAction action) {

    /** What is wrong with {@code value}, or null when it is within bounds. */
    String problem(long value) {
        if (value < min) {
            return subject + " " + value + " is below the minimum of " + min;
        }
        if (value > max) {
            return subject + " " + value + " is above the maximum of " + max;
        }
        return null;
    }

    /** The closest value within bounds. */
    long clamp(long value) {
        return Math.max(min, Math.min(max, value));
    }
}
