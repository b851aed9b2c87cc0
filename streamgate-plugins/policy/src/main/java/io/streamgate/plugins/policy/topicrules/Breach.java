package io.streamgate.plugins.policy.topicrules;

import io.streamgate.api.PolicyAction;

/**
 * One rule broken by one value of a request, before anything is done about it.
 *
 * @param rule the rule's stable name (a metric label), e.g. {@code partitions} or {@code configs.retention.ms}
 * @param action the action configured for the rule
 * @param value the offending value as text; {@code unset} for a required config that is missing
 * @param problem what is wrong, naming the value, e.g. "partitions 500 is above the maximum of 12"
 * @param replacement the value OVERRIDE puts in its place, or null when the rule has none (a value outside the
 *     allowed ones with no default): OVERRIDE then refuses, as BLOCK does
 */
public record Breach(String rule, PolicyAction action, String value, String problem, String replacement) {

    /** What is actually done: OVERRIDE without a replacement cannot rewrite anything, so it refuses. */
    public PolicyAction effectiveAction() {
        return action == PolicyAction.OVERRIDE && replacement == null ? PolicyAction.BLOCK : action;
    }

    /** This breach with no replacement, for a value the request cannot have rewritten (OVERRIDE then refuses). */
    public Breach withoutReplacement() {
        return new Breach(rule, action, value, problem, null);
    }
}
