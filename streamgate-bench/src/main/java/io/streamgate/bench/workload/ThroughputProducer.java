package io.streamgate.bench.workload;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One producer sending as fast as it can: {@code acks=all}, {@code linger.ms=5}, 64 KiB batches, no key (the sticky
 * partitioner spreads batches over the partitions), no compression, the default 32 MiB of buffer memory. A send of
 * N records is timed from the first {@code send} until {@code flush} returns, that is until Kafka acknowledged all of
 * them. A send that fits in the buffer memory measures a burst more than a steady rate: keep N well above it.
 */
final class ThroughputProducer implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final RecordValues values;
    private long sequence;

    ThroughputProducer(String bootstrapServers, String topic, RecordValues values) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "bench-producer",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024),
                new ByteArraySerializer(), new ByteArraySerializer());
        this.topic = topic;
        this.values = values;
    }

    /** Sends {@code count} records and waits until all are acknowledged. */
    ProduceOutcome send(int count) {
        AtomicLong failures = new AtomicLong();
        AtomicReference<Exception> firstFailure = new AtomicReference<>();
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            producer.send(new ProducerRecord<>(topic, values.value(sequence++)), (metadata, exception) -> {
                if (exception != null) {
                    failures.incrementAndGet();
                    firstFailure.compareAndSet(null, exception);
                }
            });
        }
        producer.flush();
        long elapsed = System.nanoTime() - started;
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " of " + count + " records were not acknowledged",
                    firstFailure.get());
        }
        return new ProduceOutcome(count, (long) count * values.size(), elapsed);
    }

    @Override
    public void close() {
        producer.close();
    }

    /** Records and bytes sent in {@code nanos}. */
    record ProduceOutcome(long records, long bytes, long nanos) {

        Map<String, Double> figures() {
            double seconds = nanos / 1e9;
            Map<String, Double> figures = new LinkedHashMap<>();
            figures.put(Figures.RECORDS_PER_SEC, records / seconds);
            figures.put(Figures.MB_PER_SEC, bytes / 1e6 / seconds);
            return figures;
        }
    }
}
