package io.streamgate.plugins.headers.mask;

import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.record.internal.BaseRecords;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.MemoryRecordsBuilder;
import org.apache.kafka.common.record.internal.MutableRecordBatch;
import org.apache.kafka.common.record.internal.Record;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.apache.kafka.common.utils.internals.ByteBufferOutputStream;

import java.nio.ByteBuffer;

/**
 * Fetched records that end before a given offset: later batches are dropped, the batch holding the offset is
 * rebuilt with its earlier records only, keeping its producer state, compression and partition leader epoch
 * the way {@link io.streamgate.api.records.RecordRewriter} does, and ending at {@code offset - 1} so that the
 * consumer's next fetch starts exactly at {@code offset}. (The SPI's rewriter cannot drop records; this is
 * what mask-fields needs of it.)
 */
final class RecordsCut {

    private RecordsCut() {
    }

    /** Where a partition's first batch ends, or {@link ValueMasking#NONE} for no batch. */
    static long firstBatchLastOffset(BaseRecords records) {
        if (records instanceof MemoryRecords memory) {
            for (MutableRecordBatch batch : memory.batches()) {
                return batch.lastOffset();
            }
        }
        return ValueMasking.NONE;
    }

    /** {@code records} without the records at and after {@code offset}. */
    static BaseRecords before(BaseRecords records, long offset) {
        if (!(records instanceof MemoryRecords memory)) {
            return records;
        }
        ByteBufferOutputStream out = new ByteBufferOutputStream(memory.sizeInBytes());
        for (MutableRecordBatch batch : memory.batches()) {
            if (batch.lastOffset() < offset) {
                out.ensureRemaining(batch.sizeInBytes());
                batch.writeTo(out.buffer());
            } else {
                if (batch.baseOffset() < offset) {
                    writeHead(batch, offset, out);
                }
                break;
            }
        }
        ByteBuffer buffer = out.buffer();
        buffer.flip();
        return MemoryRecords.readableRecords(buffer.slice());
    }

    private static void writeHead(MutableRecordBatch batch, long offset, ByteBufferOutputStream out) {
        long logAppendTime = batch.timestampType() == TimestampType.LOG_APPEND_TIME
                ? batch.maxTimestamp() : RecordBatch.NO_TIMESTAMP;
        MemoryRecordsBuilder builder = new MemoryRecordsBuilder(out, batch.magic(),
                Compression.of(batch.compressionType()).build(), batch.timestampType(), batch.baseOffset(),
                logAppendTime, batch.producerId(), batch.producerEpoch(), batch.baseSequence(),
                batch.isTransactional(), false, batch.partitionLeaderEpoch(), Integer.MAX_VALUE,
                batch.deleteHorizonMs().orElse(RecordBatch.NO_TIMESTAMP));
        for (Record record : batch) {
            if (record.offset() >= offset) {
                break;
            }
            builder.appendWithOffset(record.offset(), record.timestamp(), record.key(), record.value(),
                    record.headers());
        }
        if (builder.numRecords() == 0) {
            return;
        }
        builder.overrideLastOffset(offset - 1);
        builder.close();
    }
}
