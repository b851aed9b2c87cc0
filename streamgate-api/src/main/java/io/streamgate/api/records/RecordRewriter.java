package io.streamgate.api.records;

import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.record.internal.BaseRecords;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.MemoryRecordsBuilder;
import org.apache.kafka.common.record.internal.MutableRecordBatch;
import org.apache.kafka.common.record.internal.Record;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.apache.kafka.common.utils.internals.ByteBufferOutputStream;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Applies a {@link RecordTransformation} to every data record of a Produce request's or Fetch response's
 * records, rebuilding only the batches it changes. A rebuilt batch keeps its base and last offsets (also
 * when compaction left a gap at its end), its records' offsets, producer id, epoch and base sequence,
 * transactional flag, partition leader epoch, timestamp type, compression codec and delete horizon, so that
 * idempotent and transactional producers, and consumers' positions, are unaffected. Control batches
 * (transaction markers) and batches of the old message formats (v0/v1) are kept as they are.
 *
 * <p>Stateless and thread-safe. The result owns new heap memory; the input is not modified.
 */
public final class RecordRewriter {

    private RecordRewriter() {
    }

    /** The records with {@code transformation} applied; {@code records} itself when nothing changed. */
    public static BaseRecords transform(BaseRecords records, RecordTransformation transformation) {
        if (!(records instanceof MemoryRecords memory) || memory.sizeInBytes() == 0) {
            return records;
        }
        List<MutableRecordBatch> batches = new ArrayList<>();
        List<List<KafkaRecord>> rewritten = new ArrayList<>();
        boolean changed = false;
        for (MutableRecordBatch batch : memory.batches()) {
            List<KafkaRecord> batchRecords = rewrite(batch, transformation);
            batches.add(batch);
            rewritten.add(batchRecords);
            changed |= batchRecords != null;
        }
        if (!changed) {
            return records;
        }
        ByteBufferOutputStream out = new ByteBufferOutputStream(memory.sizeInBytes() + 256);
        for (int i = 0; i < batches.size(); i++) {
            if (rewritten.get(i) == null) {
                copy(batches.get(i), out);
            } else {
                rebuild(batches.get(i), rewritten.get(i), out);
            }
        }
        ByteBuffer buffer = out.buffer();
        buffer.flip();
        return MemoryRecords.readableRecords(buffer.slice());
    }

    /** The batch's records transformed, or null when the batch is kept as it is. */
    private static List<KafkaRecord> rewrite(MutableRecordBatch batch, RecordTransformation transformation) {
        if (batch.isControlBatch() || batch.magic() < RecordBatch.MAGIC_VALUE_V2) {
            return null;
        }
        List<KafkaRecord> rewritten = new ArrayList<>();
        boolean changed = false;
        for (Record record : batch) {
            KafkaRecord original = new KafkaRecord(record.offset(), record.timestamp(),
                    record.hasKey() ? record.key().asReadOnlyBuffer() : null,
                    record.hasValue() ? record.value().asReadOnlyBuffer() : null,
                    Arrays.asList(record.headers()));
            KafkaRecord result = transformation.apply(original);
            if (result == null) {
                throw new IllegalArgumentException("a record transformation returned null");
            }
            if (result.offset() != original.offset()) {
                throw new IllegalArgumentException("a record transformation changed an offset");
            }
            changed |= result != original;
            rewritten.add(result);
        }
        return changed ? rewritten : null;
    }

    private static void copy(MutableRecordBatch batch, ByteBufferOutputStream out) {
        out.ensureRemaining(batch.sizeInBytes());
        batch.writeTo(out.buffer());
    }

    private static void rebuild(MutableRecordBatch batch, List<KafkaRecord> records, ByteBufferOutputStream out) {
        long logAppendTime = batch.timestampType() == TimestampType.LOG_APPEND_TIME
                ? batch.maxTimestamp() : RecordBatch.NO_TIMESTAMP;
        MemoryRecordsBuilder builder = new MemoryRecordsBuilder(out, batch.magic(),
                Compression.of(batch.compressionType()).build(), batch.timestampType(), batch.baseOffset(),
                logAppendTime, batch.producerId(), batch.producerEpoch(), batch.baseSequence(),
                batch.isTransactional(), false, batch.partitionLeaderEpoch(), Integer.MAX_VALUE,
                batch.deleteHorizonMs().orElse(RecordBatch.NO_TIMESTAMP));
        for (KafkaRecord record : records) {
            builder.appendWithOffset(record.offset(), record.timestamp(), record.key(), record.value(),
                    record.headers().toArray(Header[]::new));
        }
        // Compaction may have removed the batch's last records; the batch must still end where it did, or a
        // consumer would fetch the same offsets again.
        builder.overrideLastOffset(batch.lastOffset());
        builder.close();
    }
}
