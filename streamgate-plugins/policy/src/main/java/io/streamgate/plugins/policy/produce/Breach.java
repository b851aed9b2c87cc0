package io.streamgate.plugins.policy.produce;

import org.apache.kafka.common.protocol.Errors;

/**
 * How a partition's data breaks a rule.
 *
 * @param error the error a broker would answer the partition with
 * @param value the offending value, as text
 * @param problem what is wrong, in a sentence without the rule and interceptor names (the policy adds them)
 */
record Breach(Errors error, String value, String problem) {
}
