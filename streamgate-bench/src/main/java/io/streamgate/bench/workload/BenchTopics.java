package io.streamgate.bench.workload;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates and deletes the benchmark's topics, talking to Kafka directly: {@value #PARTITIONS} partitions,
 * replication factor {@code min(3, brokers)}. Every run gets a fresh topic and deletes it afterwards, so that runs
 * do not read each other's records and the disk does not fill up.
 */
public final class BenchTopics implements AutoCloseable {

    /** Partitions of every benchmark topic. */
    public static final int PARTITIONS = 6;

    private final Admin admin;
    private final short replicationFactor;

    public BenchTopics(String kafkaBootstrapServers, int brokers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "bench-topics"));
        this.replicationFactor = (short) Math.min(3, brokers);
    }

    public short replicationFactor() {
        return replicationFactor;
    }

    /**
     * Creates a topic named after {@code prefix} and returns its name once every partition's leader serves it.
     * Metadata naming a leader is not enough: the broker may list itself as leader a moment before its replica
     * manager hosts the partition, and a producer whose first batch then gets NOT_LEADER_OR_FOLLOWER can be stuck
     * on OUT_OF_ORDER_SEQUENCE_NUMBER until its delivery timeout (seen with Kafka 4.4). So this waits until the
     * leaders answer ListOffsets for every partition.
     */
    public String create(String prefix) throws InterruptedException, ExecutionException, TimeoutException {
        return create("", prefix);
    }

    /**
     * Creates a topic as {@link #create(String)} does, under {@code topicPrefix} on Kafka, and returns its name
     * without that prefix: the name that the clients of a virtual cluster with this prefix know it by.
     */
    public String create(String topicPrefix, String prefix)
            throws InterruptedException, ExecutionException, TimeoutException {
        String name = "bench-" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String physical = topicPrefix + name;
        admin.createTopics(List.of(new NewTopic(physical, PARTITIONS, replicationFactor))).all()
                .get(30, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!hasLeaders(physical) || !servesOffsets(physical)) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("topic " + physical + " has partitions that no leader serves after 30 s");
            }
            Thread.sleep(50);
        }
        return name;
    }

    /** The records a topic holds on Kafka: the sum over its partitions of end offset minus start offset. */
    public long records(String name) throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int partition = 0; partition < PARTITIONS; partition++) {
            earliest.put(new TopicPartition(name, partition), OffsetSpec.earliest());
            latest.put(new TopicPartition(name, partition), OffsetSpec.latest());
        }
        long end = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).values().stream()
                .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
        long start = admin.listOffsets(earliest).all().get(10, TimeUnit.SECONDS).values().stream()
                .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
        return end - start;
    }

    /** Deletes a topic; a failure is only reported, since it does not affect the figures. */
    public void delete(String name) {
        try {
            admin.deleteTopics(List.of(name)).all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            System.out.println("  (could not delete topic " + name + ": " + e.getMessage() + ")");
        }
    }

    @Override
    public void close() {
        admin.close();
    }

    private boolean servesOffsets(String name) throws InterruptedException {
        Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        for (int partition = 0; partition < PARTITIONS; partition++) {
            partitions.put(new TopicPartition(name, partition), OffsetSpec.latest());
        }
        try {
            admin.listOffsets(partitions).all().get(10, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    private boolean hasLeaders(String name) throws InterruptedException {
        try {
            TopicDescription description = admin.describeTopics(List.of(name)).allTopicNames()
                    .get(10, TimeUnit.SECONDS).get(name);
            return description.partitions().size() == PARTITIONS
                    && description.partitions().stream().map(TopicPartitionInfo::leader).allMatch(l -> l != null && !l.isEmpty());
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }
}
