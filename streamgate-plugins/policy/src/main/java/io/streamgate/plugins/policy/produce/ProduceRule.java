package io.streamgate.plugins.policy.produce;

import io.streamgate.api.PolicyAction;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.record.internal.MemoryRecords;

/** One rule of the produce policy, checked for each partition of a Produce request. Immutable. */
interface ProduceRule {

    /** The rule's stable name, used as the metric label and in messages, e.g. {@code acks}. */
    String name();

    /** What the policy does about a breach. */
    PolicyAction action();

    /**
     * What is wrong with the data the request sends to one partition, or null when it follows the rule.
     *
     * @param records the partition's record batches (empty when the request carries none)
     */
    Breach check(ProduceRequestData request, short version, MemoryRecords records);
}
