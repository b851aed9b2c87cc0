package io.streamgate.state.kafka;

import io.streamgate.state.PutResult;
import io.streamgate.state.Resource;
import io.streamgate.state.ResourceId;
import io.streamgate.state.ResourceStoreException;
import io.streamgate.state.document.ResourceDocuments;
import io.streamgate.state.table.ResourceTable;
import io.streamgate.state.table.TableBackedStore;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The store shared by several gateway instances on one Kafka cluster: resources live in a compacted topic
 * with one partition ({@value KafkaResourceStoreConfig#DEFAULT_TOPIC} by default), keyed by
 * {@link ResourceId} (see {@link ResourceKeyFormat}), valued by the resource's JSON document, a tombstone for
 * a delete. Every instance tails the topic from the beginning with its own consumer (no consumer group, only
 * committed records) and applies records to its in-memory view in offset order, so all instances go through
 * the same sequence of states and tell their listeners the same changes in the same order.
 *
 * <p><b>Lifecycle.</b> {@link #start()} creates the topic if it is missing and returns once this instance has
 * applied everything the topic held when it started, so a gateway starts with the full state. Reads work
 * before then but see less; writes need a started store. Whoever creates the store closes it.
 *
 * <p><b>Writes.</b> A put or delete is sent with an idempotent producer, {@code acks=all}, and returns once
 * this instance's own tailer has applied it (read-your-writes), or fails after the write timeout (10 s by
 * default) with a {@link ResourceStoreException} saying whether Kafka acknowledged the write; a write that
 * timed out may still take effect later. Other instances see it as soon as their tailers read it, typically
 * within a few hundred milliseconds. Writes through one instance are serialised; its revisions increase
 * one by one.
 *
 * <p><b>Concurrent writers.</b> Writes through different instances are not coordinated: the last one written
 * to the topic wins, on every instance. Each writer computes the revision from its own view, so two instances
 * updating one resource at the same moment may both write the same revision; the later record is what every
 * instance keeps. {@link PutResult.Outcome#UNCHANGED} is decided against this instance's view too.
 *
 * <p><b>Thread-safety.</b> All methods are thread-safe; reads take no lock (see {@link ResourceTable}).
 */
public final class KafkaResourceStore extends TableBackedStore {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaResourceStore.class);

    private final KafkaResourceStoreConfig config;
    private final TopicPartition partition;
    private final AppliedOffsets applied = new AppliedOffsets();
    private final Object lifecycleLock = new Object();
    private volatile KafkaProducer<String, String> producer;
    private volatile ResourceTopicTailer tailer;
    private volatile boolean started;
    private volatile boolean closed;

    /** A store on the default topic, {@value KafkaResourceStoreConfig#DEFAULT_TOPIC}. */
    public KafkaResourceStore(Map<String, Object> clientProperties) {
        this(KafkaResourceStoreConfig.of(clientProperties));
    }

    public KafkaResourceStore(Map<String, Object> clientProperties, String topic) {
        this(KafkaResourceStoreConfig.of(clientProperties, topic));
    }

    public KafkaResourceStore(KafkaResourceStoreConfig config) {
        this(config, Clock.systemUTC());
    }

    /** As {@link #KafkaResourceStore(KafkaResourceStoreConfig)}, with the clock that stamps {@code updatedAt}. */
    public KafkaResourceStore(KafkaResourceStoreConfig config, Clock clock) {
        super(new ResourceTable(config.topic(), Map.of()), clock);
        this.config = config;
        this.partition = new TopicPartition(config.topic(), 0);
    }

    /**
     * Creates the topic if missing, starts tailing it, and returns once everything it held at this moment is
     * applied. Listeners that subscribed before are told about every resource read while catching up (as
     * creations); subscribing after start and reading the subscription's snapshot is the usual order.
     * Idempotent.
     *
     * @return this store
     * @throws ResourceStoreException when Kafka cannot be reached, the topic cannot be created or has more than
     *     one partition, or catching up takes longer than the start timeout; the store is closed then
     */
    public KafkaResourceStore start() {
        synchronized (lifecycleLock) {
            if (closed) {
                throw new ResourceStoreException("the resource store on topic " + config.topic() + " is closed");
            }
            if (tailer != null) {
                return this;
            }
            long startedAt = System.nanoTime();
            long deadline = startedAt + config.startTimeout().toNanos();
            try {
                try (Admin admin = StoreClients.admin(config)) {
                    new ResourceTopic(admin, config.topic(), deadline).ensure();
                }
                long end = startTailing(deadline);
                producer = StoreClients.producer(config);
                // Fetches the topic's metadata now rather than on the first write, which then answers quickly.
                producer.partitionsFor(config.topic());
                if (!applied.awaitAppliedBefore(end, remaining(deadline))) {
                    throw new ResourceStoreException("could not read the resource topic " + config.topic() + " to its "
                            + "end (offset " + end + ") within " + config.startTimeout().toSeconds() + " s; read up to "
                            + applied.next());
                }
                started = true;
                LOG.info("Resource store on topic {} started in {} ms with {} resource(s) (read to offset {})",
                        config.topic(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt), table.size(),
                        end);
                return this;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new ResourceStoreException("interrupted while starting the resource store on topic "
                        + config.topic(), e);
            } catch (RuntimeException e) {
                close();
                throw e instanceof ResourceStoreException ? e : new ResourceStoreException("cannot start the resource "
                        + "store on topic " + config.topic() + ": " + e.getMessage(), e);
            }
        }
    }

    /** The topic the resources live in. */
    public String topic() {
        return config.topic();
    }

    @Override
    protected void ensureWritable() {
        ensureStarted();
    }

    @Override
    protected void persistUpsert(Resource stored, String what) {
        write(stored.id(), ResourceDocuments.toJson(stored), what);
    }

    @Override
    protected void persistRemoval(ResourceId id, String what) {
        write(id, null, what);
    }

    /** Stops tailing, closes the Kafka clients and the listener thread. Writes waiting fail. Idempotent. */
    @Override
    public void close() {
        synchronized (lifecycleLock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        applied.close();
        if (tailer != null) {
            tailer.stop();
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
        table.close();
    }

    /** Starts the tailer on a consumer positioned at the beginning; returns the end offset to catch up to. */
    private long startTailing(long deadline) {
        KafkaConsumer<String, String> consumer = StoreClients.consumer(config);
        try {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), remaining(deadline)).get(partition);
            tailer = new ResourceTopicTailer(consumer, partition, table, applied);
            tailer.start();
            return end;
        } catch (RuntimeException e) {
            consumer.close(CloseOptions.timeout(Duration.ZERO));
            throw e;
        }
    }

    /** Sends one record and waits until this instance has applied it. */
    private void write(ResourceId id, String value, String what) {
        long deadline = System.nanoTime() + config.writeTimeout().toNanos();
        ProducerRecord<String, String> record = new ProducerRecord<>(config.topic(), 0, ResourceKeyFormat.encode(id),
                value);
        RecordMetadata written;
        try {
            written = producer.send(record).get(remaining(deadline).toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new ResourceStoreException("cannot " + what + ": Kafka did not acknowledge it within "
                    + config.writeTimeout().toMillis() + " ms (topic " + config.topic() + "); it may still be "
                    + "applied later", e);
        } catch (ExecutionException e) {
            throw new ResourceStoreException("cannot " + what + ": Kafka refused it (topic " + config.topic()
                    + "): " + e.getCause().getMessage(), e.getCause());
        } catch (KafkaException e) {
            throw new ResourceStoreException("cannot " + what + ": " + e.getMessage() + " (topic " + config.topic()
                    + ")", e);
        } catch (IllegalStateException e) {
            throw new ResourceStoreException("cannot " + what + ": the resource store on topic " + config.topic()
                    + " is closed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResourceStoreException("interrupted while waiting for Kafka to acknowledge: " + what, e);
        }
        awaitApplied(written.offset(), deadline, what);
    }

    private void awaitApplied(long offset, long deadline, String what) {
        try {
            if (!applied.awaitAppliedBefore(offset + 1, remaining(deadline))) {
                throw new ResourceStoreException("cannot confirm: " + what + ": Kafka stored it at offset " + offset
                        + " of " + config.topic() + ", but this instance had read only up to offset " + applied.next()
                        + " after " + config.writeTimeout().toMillis() + " ms; the write will take effect when the "
                        + "instance catches up");
            }
        } catch (AppliedOffsets.ClosedException e) {
            throw new ResourceStoreException("the resource store closed while waiting to apply: " + what
                    + " (Kafka stored it at offset " + offset + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResourceStoreException("interrupted while waiting to apply: " + what, e);
        }
    }

    private void ensureStarted() {
        if (closed) {
            throw new ResourceStoreException("the resource store on topic " + config.topic() + " is closed");
        }
        if (!started) {
            throw new IllegalStateException("start() the resource store on topic " + config.topic() + " before writing");
        }
    }

    private static Duration remaining(long deadlineNanos) {
        return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
    }
}
