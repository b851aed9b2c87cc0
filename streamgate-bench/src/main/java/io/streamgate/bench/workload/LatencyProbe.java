package io.streamgate.bench.workload;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

/**
 * End-to-end latency at a fixed rate: a producer ({@code acks=all}, {@code linger.ms=0}, so that no batching delay
 * is added) writes the time of each {@code send} into the record's value; a consumer in another thread of the same
 * JVM, reading every partition, records {@code now - sendTime} into a histogram with microsecond resolution.
 * Records sent during the warm-up are read but not recorded. Both clocks are this JVM's {@link System#nanoTime()}.
 */
final class LatencyProbe {

    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(1);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);

    private LatencyProbe() {
    }

    /**
     * @param rate records per second
     * @param duration how long to send, warm-up included
     */
    static LatencyOutcome run(String bootstrapServers, String topic, int partitions, int rate, Duration duration,
                              Duration warmup, int valueSize) throws Exception {
        Histogram histogram = new Histogram(HIGHEST_MICROS, 3);
        AtomicLong received = new AtomicLong();
        AtomicLong receivedBytes = new AtomicLong();
        AtomicReference<Throwable> consumerFailure = new AtomicReference<>();
        CountDownLatch consumerReady = new CountDownLatch(1);
        AtomicLong measureFrom = new AtomicLong(Long.MAX_VALUE);
        AtomicBoolean stop = new AtomicBoolean();

        Thread reader = new Thread(() -> {
            try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.CLIENT_ID_CONFIG, "bench-latency-consumer",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                List<TopicPartition> assigned = IntStream.range(0, partitions)
                        .mapToObj(p -> new TopicPartition(topic, p)).toList();
                consumer.assign(assigned);
                consumer.seekToBeginning(assigned);
                consumer.poll(Duration.ZERO);
                assigned.forEach(consumer::position); // connected and positioned before the first record is sent
                consumerReady.countDown();
                while (!stop.get()) {
                    var polled = consumer.poll(Duration.ofMillis(100));
                    long now = System.nanoTime();
                    long from = measureFrom.get();
                    for (ConsumerRecord<byte[], byte[]> record : polled) {
                        long sent = ByteBuffer.wrap(record.value()).getLong(0);
                        if (sent >= from) {
                            histogram.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, (now - sent) / 1_000)));
                        }
                        receivedBytes.addAndGet(record.value().length);
                    }
                    received.addAndGet(polled.count());
                }
            } catch (Throwable t) {
                consumerFailure.set(t);
                consumerReady.countDown();
            }
        }, "bench-latency-consumer");
        reader.setDaemon(true);
        reader.start();
        if (!consumerReady.await(60, TimeUnit.SECONDS) || consumerFailure.get() != null) {
            stop.set(true);
            throw new IllegalStateException("the latency consumer did not start", consumerFailure.get());
        }

        long sent = 0;
        AtomicLong failures = new AtomicLong();
        AtomicReference<Exception> firstFailure = new AtomicReference<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "bench-latency-producer",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            long interval = TimeUnit.SECONDS.toNanos(1) / rate;
            long start = System.nanoTime();
            measureFrom.set(start + warmup.toNanos());
            long end = start + duration.toNanos();
            for (long due = start; due < end; due = start + sent * interval) {
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                byte[] value = new byte[valueSize];
                ByteBuffer.wrap(value).putLong(0, System.nanoTime());
                producer.send(new ProducerRecord<>(topic, value), (metadata, exception) -> {
                    if (exception != null) {
                        failures.incrementAndGet();
                        firstFailure.compareAndSet(null, exception);
                    }
                });
                sent++;
            }
            producer.flush();
        }
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        while (received.get() < sent && consumerFailure.get() == null && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        stop.set(true);
        reader.join(10_000);
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " of " + sent + " records were not acknowledged",
                    firstFailure.get());
        }
        if (consumerFailure.get() != null) {
            throw new IllegalStateException("the latency consumer failed", consumerFailure.get());
        }
        if (received.get() < sent) {
            throw new TimeoutException("received " + received.get() + " of " + sent + " records within "
                    + DRAIN_TIMEOUT.toSeconds() + " s of the last send");
        }
        return new LatencyOutcome(histogram, sent, sent * valueSize + receivedBytes.get());
    }

    /**
     * @param histogram latencies in microseconds, after the warm-up
     * @param sent records sent, warm-up included
     * @param bytes value bytes produced plus consumed
     */
    record LatencyOutcome(Histogram histogram, long sent, long bytes) {

        Map<String, Double> figures() {
            Map<String, Double> figures = new LinkedHashMap<>();
            figures.put(Figures.P50_MS, millis(50));
            figures.put(Figures.P99_MS, millis(99));
            figures.put(Figures.P99_9_MS, millis(99.9));
            figures.put(Figures.LATENCY_SAMPLES, (double) histogram.getTotalCount());
            return figures;
        }

        private double millis(double percentile) {
            return histogram.getValueAtPercentile(percentile) / 1_000.0;
        }
    }
}
