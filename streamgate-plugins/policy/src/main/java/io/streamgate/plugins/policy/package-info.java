/**
 * Safeguards: policy interceptors that check requests against configured rules and, per rule, BLOCK them with the
 * Kafka error a broker would give, let them through with an audit event (INFO), rewrite the value (OVERRIDE) or slow
 * the client down (THROTTLE). Every violation is reported with {@code InterceptorContext.reportViolation}. One
 * sub-package per policy.
 */
package io.streamgate.plugins.policy;
