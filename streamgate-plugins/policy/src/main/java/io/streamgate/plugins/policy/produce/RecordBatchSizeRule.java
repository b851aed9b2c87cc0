package io.streamgate.plugins.policy.produce;

import io.streamgate.api.PolicyAction;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.RecordBatch;

/**
 * {@code recordBatchSize}: no batch may be larger than {@code max} bytes, counted as sent (header included, after
 * compression), which is what a broker's {@code max.message.bytes} limits. A single record larger than that always
 * fails; a producer splits a refused batch of several records and retries.
 */
record RecordBatchSizeRule(int max, PolicyAction action) implements ProduceRule {

    @Override
    public String name() {
        return "recordBatchSize";
    }

    @Override
    public Breach check(ProduceRequestData request, short version, MemoryRecords records) {
        for (RecordBatch batch : records.batches()) {
            if (batch.sizeInBytes() > max) {
                return new Breach(Errors.MESSAGE_TOO_LARGE, Integer.toString(batch.sizeInBytes()),
                        "record batch of " + batch.sizeInBytes() + " bytes is above the maximum of " + max);
            }
        }
        return null;
    }
}
