package io.streamgate.plugins.policy.produce;

import io.streamgate.api.PolicyAction;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.internal.MemoryRecords;

/** {@code apiVersion}: the Produce request's version must lie within {@code [min, max]}. */
record ApiVersionRule(int min, int max, PolicyAction action) implements ProduceRule {

    @Override
    public String name() {
        return "apiVersion";
    }

    @Override
    public Breach check(ProduceRequestData request, short version, MemoryRecords records) {
        if (version < min) {
            return new Breach(Errors.UNSUPPORTED_VERSION, Short.toString(version),
                    "Produce version " + version + " is below the minimum of " + min);
        }
        if (version > max) {
            return new Breach(Errors.UNSUPPORTED_VERSION, Short.toString(version),
                    "Produce version " + version + " is above the maximum of " + max);
        }
        return null;
    }
}
