package io.streamgate.plugins.audit.sink;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Sends events to a Kafka topic, keyed by connection id so that one connection's events stay in order. The
 * producer is made, and the topic created if missing, when the first event comes, so that an interceptor
 * that is only validated never connects. Sends are asynchronous; failures are counted and logged.
 */
public final class TopicSink implements AuditSink {

    private static final Logger LOG = LoggerFactory.getLogger(TopicSink.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final String topic;
    private final Supplier<Producer<byte[], byte[]>> producers;
    private final TopicCreator creator;
    private final AtomicLong failedSends = new AtomicLong();
    private final AtomicBoolean failureLogged = new AtomicBoolean();
    private Producer<byte[], byte[]> producer;

    public TopicSink(String topic, Supplier<Producer<byte[], byte[]>> producers, TopicCreator creator) {
        this.topic = topic;
        this.producers = producers;
        this.creator = creator;
    }

    @Override
    public String describe() {
        return "topic " + topic;
    }

    @Override
    public void write(List<Line> lines) {
        if (producer == null) {
            try {
                creator.ensureExists(topic);
            } catch (Exception e) {
                LOG.warn("Cannot create audit topic {} ({}); sending to it anyway", topic, e.toString());
            }
            producer = producers.get();
        }
        for (Line line : lines) {
            producer.send(new ProducerRecord<>(topic, line.key(), line.json()), (metadata, error) -> {
                if (error != null) {
                    failedSends.incrementAndGet();
                    if (failureLogged.compareAndSet(false, true)) {
                        LOG.warn("Cannot send audit events to topic {}: {} (logged once; see failedSends)", topic,
                                error.toString());
                    }
                }
            });
        }
    }

    /** Sends the producer gave up on. */
    public long failedSends() {
        return failedSends.get();
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(CLOSE_TIMEOUT);
        }
    }
}
