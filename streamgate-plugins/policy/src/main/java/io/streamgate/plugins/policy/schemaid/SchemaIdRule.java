package io.streamgate.plugins.policy.schemaid;

import org.apache.kafka.common.record.internal.BaseRecords;
import org.apache.kafka.common.record.internal.Record;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.apache.kafka.common.record.internal.Records;

/**
 * The rule in one of its two modes: values must carry a schema id, or must not. Tombstones (null values) always
 * pass: they delete a key and have nothing to decode. Control batches (transaction markers) are not data and are
 * skipped. Stateless.
 */
enum SchemaIdRule {
    /** Every record value must start with the wire-format header. */
    REQUIRED("schemaId.required", "has no schema id: its value does not start with the schema registry wire format"
            + " (magic byte 0, then a 4-byte schema id)"),
    /** No record value may start with the wire-format header. */
    FORBIDDEN("schemaId.forbidden", "carries a schema id: its value starts with the schema registry wire format"
            + " (magic byte 0, then a 4-byte schema id)");

    private final String ruleName;
    private final String breach;

    SchemaIdRule(String ruleName, String breach) {
        this.ruleName = ruleName;
        this.breach = breach;
    }

    /** The stable rule name reported with violations. */
    String ruleName() {
        return ruleName;
    }

    /** What is wrong with an offending record, for the message. */
    String breach() {
        return breach;
    }

    /**
     * The index, among the data records of {@code records}, of the first one that breaks the rule; -1 when none
     * does. Values are read in place, never copied (compressed batches are decompressed, as a broker does).
     */
    int firstOffendingRecord(BaseRecords records) {
        if (!(records instanceof Records batches)) {
            return -1;
        }
        int index = 0;
        for (RecordBatch batch : batches.batches()) {
            if (batch.isControlBatch()) {
                continue;
            }
            for (Record record : batch) {
                if (record.hasValue() && WireFormat.hasSchemaId(record.value()) != (this == REQUIRED)) {
                    return index;
                }
                index++;
            }
        }
        return -1;
    }
}
