package io.streamgate.plugins.headers.fakes;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.record.internal.BaseRecords;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.MutableRecordBatch;
import org.apache.kafka.common.record.internal.Record;
import org.apache.kafka.common.record.internal.SimpleRecord;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Records to feed hooks, and ways to read what they made of them. */
public final class TestRecords {

    public static final long TIMESTAMP = 1_700_000_000_000L;

    private TestRecords() {
    }

    public static SimpleRecord record(String key, String value, Header... headers) {
        return new SimpleRecord(TIMESTAMP, bytes(key), bytes(value), headers);
    }

    public static Header header(String key, String value) {
        return new RecordHeader(key, bytes(value));
    }

    /** Several record sets as the records of one partition, batches in the given order. */
    public static MemoryRecords concat(MemoryRecords... parts) {
        int size = Arrays.stream(parts).mapToInt(MemoryRecords::sizeInBytes).sum();
        ByteBuffer buffer = ByteBuffer.allocate(size);
        for (MemoryRecords part : parts) {
            buffer.put(part.buffer().duplicate());
        }
        buffer.flip();
        return MemoryRecords.readableRecords(buffer);
    }

    public static List<MutableRecordBatch> batches(BaseRecords records) {
        List<MutableRecordBatch> batches = new ArrayList<>();
        ((MemoryRecords) records).batches().forEach(batches::add);
        return batches;
    }

    public static List<Record> read(BaseRecords records) {
        List<Record> all = new ArrayList<>();
        for (MutableRecordBatch batch : batches(records)) {
            batch.forEach(all::add);
        }
        return all;
    }

    public static String key(Record record) {
        return record.hasKey() ? text(record.key()) : null;
    }

    public static String value(Record record) {
        return record.hasValue() ? text(record.value()) : null;
    }

    /** The record's headers as {@code key=value} strings, in order. */
    public static List<String> headers(Record record) {
        return Arrays.stream(record.headers()).map(h -> h.key() + "=" + (h.value() == null ? null
                : new String(h.value(), StandardCharsets.UTF_8))).toList();
    }

    public static String header(Record record, String key) {
        return Arrays.stream(record.headers()).filter(h -> h.key().equals(key))
                .map(h -> new String(h.value(), StandardCharsets.UTF_8)).findFirst().orElse(null);
    }

    public static String text(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }
}
