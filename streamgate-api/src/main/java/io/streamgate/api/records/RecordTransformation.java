package io.streamgate.api.records;

/**
 * Rewrites one record. Returning the very instance it was given means "unchanged": a batch whose records all
 * come back unchanged is kept as the original bytes, neither decompressed again nor re-encoded.
 */
@FunctionalInterface
public interface RecordTransformation {

    /** The record to write in place of {@code record}; never null (records cannot be dropped here). */
    KafkaRecord apply(KafkaRecord record);
}
