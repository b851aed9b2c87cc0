package io.streamgate.plugins.headers.mask;

import io.streamgate.api.records.KafkaRecord;
import io.streamgate.api.records.RecordTransformation;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Masks the values of one partition's fetched records, and notes where values that are not JSON sit.
 * Tombstones (null values) pass as they are. One instance per partition of one response; not thread-safe.
 *
 * <p>With {@link NonJsonPolicy#FAIL}, a value that is not JSON is redacted like with
 * {@link NonJsonPolicy#REDACT} (the records from the first one on are then cut away, and those before the
 * consumer's position are discarded by the consumer, so the original value never leaves the gateway), and
 * the offset of the first one at or after {@code position} is remembered.
 */
final class ValueMasking implements RecordTransformation {

    /** No offset. */
    static final long NONE = -1;

    private final JsonValueMasker masker;
    private final NonJsonPolicy policy;
    private final ByteBuffer redacted;
    private final long position;
    private long firstAtPosition = NONE;
    private long firstNonJson = NONE;

    /**
     * @param redacted what replaces a value that is not JSON, when the policy replaces it
     * @param position the consumer's fetch position: records before it are not delivered to the application
     */
    ValueMasking(JsonValueMasker masker, NonJsonPolicy policy, ByteBuffer redacted, long position) {
        this.masker = masker;
        this.policy = policy;
        this.redacted = redacted;
        this.position = position;
    }

    @Override
    public KafkaRecord apply(KafkaRecord record) {
        boolean delivered = record.offset() >= position;
        if (delivered && firstAtPosition == NONE) {
            firstAtPosition = record.offset();
        }
        if (record.value() == null) {
            return record;
        }
        Optional<ByteBuffer> masked = masker.mask(record.value());
        if (masked.isPresent()) {
            return masked.get() == record.value() ? record : record.withValue(masked.get());
        }
        if (policy == NonJsonPolicy.KEEP) {
            return record;
        }
        if (policy == NonJsonPolicy.FAIL && delivered && firstNonJson == NONE) {
            firstNonJson = record.offset();
        }
        return record.withValue(redacted.duplicate());
    }

    /** The offset of the first record not JSON at or after the position, or {@link #NONE}. */
    long firstNonJson() {
        return firstNonJson;
    }

    /** The offset of the first record at or after the position, or {@link #NONE}. */
    long firstAtPosition() {
        return firstAtPosition;
    }
}
