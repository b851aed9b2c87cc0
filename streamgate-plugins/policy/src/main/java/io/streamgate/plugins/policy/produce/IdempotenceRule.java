package io.streamgate.plugins.policy.produce;

import io.streamgate.api.PolicyAction;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.RecordBatch;

/**
 * {@code idempotence}: every batch must carry a producer id, which only idempotent (and transactional) producers
 * have. A broker has no error for this, so the refusal is POLICY_VIOLATION.
 */
record IdempotenceRule(PolicyAction action) implements ProduceRule {

    @Override
    public String name() {
        return "idempotence";
    }

    @Override
    public Breach check(ProduceRequestData request, short version, MemoryRecords records) {
        for (RecordBatch batch : records.batches()) {
            if (batch.producerId() < 0) {
                return new Breach(Errors.POLICY_VIOLATION, Long.toString(batch.producerId()),
                        "producer id " + batch.producerId() + ": records must come from an idempotent producer "
                                + "(enable.idempotence=true)");
            }
        }
        return null;
    }
}
