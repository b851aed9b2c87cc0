package io.streamgate.plugins.policy.produce;

import io.streamgate.api.PolicyAction;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.internal.MemoryRecords;

import java.util.Set;

/** {@code acks}: the request's acks must be one of the allowed values (-1 is {@code acks=all}). */
record AcksRule(Set<Short> allowed, PolicyAction action) implements ProduceRule {

    @Override
    public String name() {
        return "acks";
    }

    @Override
    public Breach check(ProduceRequestData request, short version, MemoryRecords records) {
        if (allowed.contains(request.acks())) {
            return null;
        }
        return new Breach(Errors.INVALID_REQUIRED_ACKS, Short.toString(request.acks()),
                "acks " + request.acks() + " is not allowed, allowed are " + Sorted.of(allowed));
    }
}
