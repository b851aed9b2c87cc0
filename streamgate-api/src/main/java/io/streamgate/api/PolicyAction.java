package io.streamgate.api;

/** What a policy interceptor does about a request that breaks one of its rules. */
public enum PolicyAction {
    /** Refuse it with the Kafka error a broker would give, naming the rule and the offending value. */
    BLOCK,
    /** Let it through unchanged; the violation is audited and counted. */
    INFO,
    /** Rewrite the offending value to the configured one, then let it through. */
    OVERRIDE,
    /** Let it through, but slow the client down: the response carries a throttle time and is delayed by it. */
    THROTTLE
}
