package io.streamgate.api.records;

import org.apache.kafka.common.header.Header;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;

/**
 * One record, as a {@link RecordTransformation} sees and returns it. Key and value are read-only views of
 * the record data, valid while the transformation runs; copy what must outlive it.
 *
 * @param offset the record's offset: absolute in a Fetch response, relative to its batch in a Produce request;
 *     a transformation cannot change it
 * @param timestamp the record's timestamp
 * @param key the key, or null
 * @param value the value, or null (a tombstone)
 * @param headers the headers, in order; unmodifiable
 */
public record KafkaRecord(long offset, long timestamp, ByteBuffer key, ByteBuffer value, List<Header> headers) {

    public KafkaRecord {
        headers = List.copyOf(Objects.requireNonNull(headers, "headers"));
    }

    public KafkaRecord withValue(ByteBuffer newValue) {
        return new KafkaRecord(offset, timestamp, key, newValue, headers);
    }

    public KafkaRecord withHeaders(List<Header> newHeaders) {
        return new KafkaRecord(offset, timestamp, key, value, newHeaders);
    }
}
