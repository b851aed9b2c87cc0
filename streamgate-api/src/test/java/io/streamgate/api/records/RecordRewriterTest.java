package io.streamgate.api.records;

import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.record.internal.BaseRecords;
import org.apache.kafka.common.record.internal.CompressionType;
import org.apache.kafka.common.record.internal.EndTransactionMarker;
import org.apache.kafka.common.record.internal.ControlRecordType;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.MemoryRecordsBuilder;
import org.apache.kafka.common.record.internal.MutableRecordBatch;
import org.apache.kafka.common.record.internal.Record;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.apache.kafka.common.record.internal.SimpleRecord;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RecordRewriterTest {

    private static final RecordTransformation ADD_HEADER = record -> {
        List<org.apache.kafka.common.header.Header> headers = new ArrayList<>(record.headers());
        headers.add(new RecordHeader("x-added", "yes".getBytes(StandardCharsets.UTF_8)));
        return record.withHeaders(headers);
    };

    @Test
    void returnsTheSameRecordsWhenNothingChanges() {
        MemoryRecords records = MemoryRecords.withRecords(Compression.NONE, new SimpleRecord("a".getBytes()));

        assertThat(RecordRewriter.transform(records, record -> record)).isSameAs(records);
    }

    @Test
    void keepsProducerStateOffsetsAndCompressionOfARebuiltBatch() {
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        MemoryRecordsBuilder builder = MemoryRecords.builder(buffer, RecordBatch.CURRENT_MAGIC_VALUE,
                Compression.gzip().build(), TimestampType.CREATE_TIME, 100L, RecordBatch.NO_TIMESTAMP, 4242L,
                (short) 3, 17, true, 5);
        builder.appendWithOffset(100, 1_000L, "k1".getBytes(), "v1".getBytes());
        builder.appendWithOffset(101, 1_001L, "k2".getBytes(), "v2".getBytes());
        MemoryRecords records = builder.build();

        BaseRecords rewritten = RecordRewriter.transform(records, ADD_HEADER);

        MutableRecordBatch batch = ((MemoryRecords) rewritten).batches().iterator().next();
        batch.ensureValid();
        assertThat(batch.compressionType()).isEqualTo(CompressionType.GZIP);
        assertThat(batch.producerId()).isEqualTo(4242L);
        assertThat(batch.producerEpoch()).isEqualTo((short) 3);
        assertThat(batch.baseSequence()).isEqualTo(17);
        assertThat(batch.isTransactional()).isTrue();
        assertThat(batch.partitionLeaderEpoch()).isEqualTo(5);
        List<Record> out = new ArrayList<>();
        batch.forEach(out::add);
        assertThat(out).extracting(Record::offset).containsExactly(100L, 101L);
        assertThat(out).allSatisfy(record -> assertThat(record.headers()).extracting(h -> h.key())
                .containsExactly("x-added"));
        assertThat(new String(toArray(out.get(1).value()))).isEqualTo("v2");
    }

    @Test
    void keepsTheLastOffsetOfABatchThatCompactionShortened() {
        ByteBuffer buffer = ByteBuffer.allocate(1024);
        MemoryRecordsBuilder builder = MemoryRecords.builder(buffer, Compression.NONE, TimestampType.CREATE_TIME, 10L);
        builder.appendWithOffset(10, 1L, "k".getBytes(), "v".getBytes());
        builder.overrideLastOffset(14); // records 11-14 were compacted away
        MemoryRecords records = builder.build();

        BaseRecords rewritten = RecordRewriter.transform(records, ADD_HEADER);

        MutableRecordBatch batch = ((MemoryRecords) rewritten).batches().iterator().next();
        assertThat(batch.lastOffset()).isEqualTo(14);
        assertThat(batch.nextOffset()).isEqualTo(15);
    }

    @Test
    void leavesControlBatchesAndTheirNeighboursOrder() {
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        MemoryRecordsBuilder data = MemoryRecords.builder(buffer, RecordBatch.CURRENT_MAGIC_VALUE, Compression.NONE,
                TimestampType.CREATE_TIME, 0L, RecordBatch.NO_TIMESTAMP, 7L, (short) 0, 0, true, 0);
        data.append(1L, null, ByteBuffer.wrap("payload".getBytes()));
        data.close();
        MemoryRecords.writeEndTransactionalMarker(buffer, 1L, 2L, 0, 7L, (short) 0,
                new EndTransactionMarker(ControlRecordType.COMMIT, 0));
        buffer.flip();
        MemoryRecords records = MemoryRecords.readableRecords(buffer);

        MemoryRecords rewritten = (MemoryRecords) RecordRewriter.transform(records, ADD_HEADER);

        List<MutableRecordBatch> batches = new ArrayList<>();
        rewritten.batches().forEach(batches::add);
        assertThat(batches).hasSize(2);
        assertThat(batches.get(0).isControlBatch()).isFalse();
        assertThat(batches.get(1).isControlBatch()).isTrue();
        assertThat(batches.get(1).baseOffset()).isEqualTo(1L);
        assertThat(batches.get(0).iterator().next().headers()).hasSize(1);
    }

    private static byte[] toArray(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
