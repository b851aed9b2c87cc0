package io.streamgate.plugins.policy.produce;

import io.streamgate.api.PolicyAction;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.internal.CompressionType;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.RecordBatch;

import java.util.Set;

/**
 * {@code compression}: every batch must use an allowed codec. The codec is read from the batch header's
 * attributes, so nothing is decompressed.
 */
record CompressionRule(Set<CompressionType> allowed, PolicyAction action) implements ProduceRule {

    @Override
    public String name() {
        return "compression";
    }

    @Override
    public Breach check(ProduceRequestData request, short version, MemoryRecords records) {
        for (RecordBatch batch : records.batches()) {
            CompressionType codec = batch.compressionType();
            if (!allowed.contains(codec)) {
                return new Breach(Errors.UNSUPPORTED_COMPRESSION_TYPE, codec.name,
                        "compression " + codec.name + " is not allowed, allowed are "
                                + Sorted.of(allowed.stream().map(type -> type.name).toList()));
            }
        }
        return null;
    }
}
