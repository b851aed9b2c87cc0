package io.streamgate.plugins.policy.produce;

import io.streamgate.api.PolicyAction;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.internal.MemoryRecords;

/** {@code transactions}: the request must belong to a transaction, i.e. name a transactional id. */
record TransactionsRule(PolicyAction action) implements ProduceRule {

    @Override
    public String name() {
        return "transactions";
    }

    @Override
    public Breach check(ProduceRequestData request, short version, MemoryRecords records) {
        if (request.transactionalId() != null && !request.transactionalId().isEmpty()) {
            return null;
        }
        return new Breach(Errors.POLICY_VIOLATION, "none",
                "records must be produced in a transaction (transactional.id set), "
                        + "this request has no transactional id");
    }
}
