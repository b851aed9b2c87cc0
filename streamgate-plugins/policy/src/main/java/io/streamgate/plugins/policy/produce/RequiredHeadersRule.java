package io.streamgate.plugins.policy.produce;

import io.streamgate.api.PolicyAction;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.Record;
import org.apache.kafka.common.record.internal.RecordBatch;

import java.util.List;

/**
 * {@code headers}: every record must carry each of the required header keys. Unlike the other rules this reads the
 * records themselves, decompressing compressed batches, so it costs something only when configured.
 */
record RequiredHeadersRule(List<String> required, PolicyAction action) implements ProduceRule {

    @Override
    public String name() {
        return "headers";
    }

    @Override
    public Breach check(ProduceRequestData request, short version, MemoryRecords records) {
        for (RecordBatch batch : records.batches()) {
            for (Record record : batch) {
                String missing = firstMissing(record.headers());
                if (missing != null) {
                    return new Breach(Errors.INVALID_RECORD, missing, "record " + (record.offset() - batch.baseOffset())
                            + " of a batch lacks the required header " + missing);
                }
            }
        }
        return null;
    }

    private String firstMissing(Header[] headers) {
        for (String key : required) {
            if (!carries(headers, key)) {
                return key;
            }
        }
        return null;
    }

    private static boolean carries(Header[] headers, String key) {
        for (Header header : headers) {
            if (header.key().equals(key)) {
                return true;
            }
        }
        return false;
    }
}
