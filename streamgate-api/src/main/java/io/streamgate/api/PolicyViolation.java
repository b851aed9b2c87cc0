package io.streamgate.api;

import java.util.Objects;

/**
 * A request that broke a rule of a policy interceptor, as the interceptor reports it with
 * {@link InterceptorContext#reportViolation}. The gateway adds who sent it (principal, client id, address, virtual
 * cluster), which interceptor reported it and when, then writes it to the policy audit log and counts it in
 * {@code streamgate_policy_violations_total{interceptor,rule,action}}.
 *
 * @param rule the rule's name, as in the interceptor's configuration (e.g. {@code partitions.max}); it labels a metric,
 *     so it must come from the configuration, never from the request
 * @param action what the interceptor did about it
 * @param topic the topic concerned, or null when the rule is not about one
 * @param value the offending value as text (e.g. {@code 500}); never a secret
 * @param message what the client was told, or what was changed
 */
public record PolicyViolation(String rule, PolicyAction action, String topic, String value, String message) {

    public PolicyViolation {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(message, "message");
    }
}
