package io.streamgate.bench.workload;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * One consumer reading a filled topic from the beginning of every partition (assigned, no group) until it has read
 * a given number of records. The clock starts when the first records arrive, so connecting and looking up offsets
 * are left out; the records of that first poll are not counted in the rate (unless that poll brought them all).
 */
final class ThroughputConsumer {

    private static final Duration STALL_TIMEOUT = Duration.ofSeconds(30);

    private ThroughputConsumer() {
    }

    /**
     * @param firstRecord checks the first record read (e.g. that the interceptor chain changed it); may throw
     */
    static ConsumeOutcome consume(String bootstrapServers, String topic, int partitions, long records,
                                  Consumer<ConsumerRecord<byte[], byte[]>> firstRecord) throws TimeoutException {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "bench-consumer",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> assigned = IntStream.range(0, partitions)
                    .mapToObj(p -> new TopicPartition(topic, p)).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            long read = 0;
            long bytes = 0;
            long timedRecords = 0;
            long timedBytes = 0;
            long clockStarted = 0;
            long firstPoll = System.nanoTime();
            long lastProgress = firstPoll;
            while (read < records) {
                ConsumerRecords<byte[], byte[]> polled = consumer.poll(Duration.ofMillis(200));
                long now = System.nanoTime();
                if (polled.isEmpty()) {
                    if (now - lastProgress > STALL_TIMEOUT.toNanos()) {
                        throw new TimeoutException("read " + read + " of " + records + " records of " + topic
                                + ", then nothing for " + STALL_TIMEOUT.toSeconds() + " s");
                    }
                    continue;
                }
                lastProgress = now;
                long pollBytes = 0;
                for (ConsumerRecord<byte[], byte[]> record : polled) {
                    if (read == 0) {
                        firstRecord.accept(record);
                    }
                    read++;
                    pollBytes += Math.max(0, record.serializedKeySize()) + Math.max(0, record.serializedValueSize());
                }
                bytes += pollBytes;
                if (clockStarted == 0) {
                    clockStarted = now;
                } else {
                    timedRecords += polled.count();
                    timedBytes += pollBytes;
                }
            }
            long finished = System.nanoTime();
            if (timedRecords == 0) {
                // Everything came in the first poll (a tiny topic): time that poll, connecting included.
                return new ConsumeOutcome(read, bytes, finished - firstPoll, bytes);
            }
            return new ConsumeOutcome(timedRecords, timedBytes, finished - clockStarted, bytes);
        }
    }

    /**
     * @param records records timed (after the first poll)
     * @param bytes their key and value bytes
     * @param totalBytes key and value bytes of every record read
     */
    record ConsumeOutcome(long records, long bytes, long nanos, long totalBytes) {

        /** Two reads as one: their timed records, bytes and times added up. */
        ConsumeOutcome plus(ConsumeOutcome other) {
            return new ConsumeOutcome(records + other.records, bytes + other.bytes, nanos + other.nanos,
                    totalBytes + other.totalBytes);
        }

        Map<String, Double> figures() {
            double seconds = nanos / 1e9;
            Map<String, Double> figures = new LinkedHashMap<>();
            figures.put(Figures.RECORDS_PER_SEC, records / seconds);
            figures.put(Figures.MB_PER_SEC, bytes / 1e6 / seconds);
            return figures;
        }
    }
}
