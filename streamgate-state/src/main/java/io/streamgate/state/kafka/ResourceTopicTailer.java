package io.streamgate.state.kafka;

import io.streamgate.state.InvalidResourceException;
import io.streamgate.state.Resource;
import io.streamgate.state.ResourceId;
import io.streamgate.state.document.ResourceDocuments;
import io.streamgate.state.table.ResourceTable;
import io.streamgate.state.table.TableWrite;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The thread that reads the resource topic from the beginning, for as long as the store is open, and applies
 * each batch of records to the table in offset order: a resource record replaces the resource, a tombstone
 * removes it. A record it cannot read is logged and skipped, so one bad record cannot stop an instance.
 * Owns the consumer from {@link #start()} on: no other thread touches it.
 */
final class ResourceTopicTailer implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ResourceTopicTailer.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(100);
    private static final Duration RETRY_BACKOFF = Duration.ofSeconds(1);

    private final KafkaConsumer<String, String> consumer;
    private final TopicPartition partition;
    private final ResourceTable table;
    private final AppliedOffsets applied;
    private final Thread thread;
    private final CountDownLatch stopping = new CountDownLatch(1);

    ResourceTopicTailer(KafkaConsumer<String, String> consumer, TopicPartition partition, ResourceTable table,
                        AppliedOffsets applied) {
        this.consumer = consumer;
        this.partition = partition;
        this.table = table;
        this.applied = applied;
        this.thread = new Thread(this, "streamgate-resources-tail-" + partition.topic());
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    @Override
    public void run() {
        try {
            while (stopping.getCount() > 0) {
                try {
                    ConsumerRecords<String, String> records = consumer.poll(POLL_TIMEOUT);
                    if (!records.isEmpty()) {
                        table.apply(writes(records.records(partition)));
                    }
                    advanceToPosition();
                } catch (WakeupException e) {
                    // close() wants the thread back; the loop condition decides.
                } catch (KafkaException e) {
                    LOG.warn("Cannot read the resource topic {} (retrying in {} ms): {}", partition.topic(),
                            RETRY_BACKOFF.toMillis(), e.toString());
                    stopping.await(RETRY_BACKOFF.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            LOG.error("The resource topic tailer of {} stopped; this instance no longer sees resource changes",
                    partition.topic(), e);
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(1)));
        }
    }

    /**
     * Tells waiting writers how far this instance has applied: the consumer's position, which also moves past
     * offsets that compaction removed and past transaction markers, unlike the last record's offset.
     */
    private void advanceToPosition() {
        try {
            applied.advanceTo(consumer.position(partition, POLL_TIMEOUT));
        } catch (TimeoutException e) {
            // Just after start the consumer may still be looking up the first offset; the next poll does it.
        }
    }

    /** Stops the thread and waits for it. */
    void stop() {
        stopping.countDown();
        consumer.wakeup();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<TableWrite> writes(List<ConsumerRecord<String, String>> records) {
        List<TableWrite> writes = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            try {
                writes.add(write(record));
            } catch (InvalidResourceException | IllegalArgumentException e) {
                LOG.warn("Skipping the record at offset {} of {}: {}", record.offset(), partition.topic(),
                        e.getMessage());
            }
        }
        return writes;
    }

    private TableWrite write(ConsumerRecord<String, String> record) {
        ResourceId id = ResourceKeyFormat.decode(record.key());
        if (record.value() == null) {
            return new TableWrite.Removal(id);
        }
        Resource resource = ResourceDocuments.fromNode(ResourceDocuments.readJsonTree(record.value(), "value"), "value");
        if (!resource.id().equals(id)) {
            throw new InvalidResourceException("value", "holds " + resource.id() + " under the key of " + id);
        }
        return new TableWrite.Upsert(resource);
    }
}
