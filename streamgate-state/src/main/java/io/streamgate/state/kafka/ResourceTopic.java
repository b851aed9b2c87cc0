package io.streamgate.state.kafka;

import io.streamgate.state.ResourceStoreException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Makes sure the resource topic exists and can hold resources: one partition (the one order every instance
 * applies), compacted (the latest record per resource is kept forever, a tombstone removes it), replicated on
 * up to three brokers with {@code min.insync.replicas} up to two, so that an acknowledged write survives the
 * loss of a broker. Another instance creating it at the same moment is fine.
 */
final class ResourceTopic {

    private static final Logger LOG = LoggerFactory.getLogger(ResourceTopic.class);
    private static final long RETRY_BACKOFF_MILLIS = 50;

    private final Admin admin;
    private final String topic;
    private final long deadlineNanos;

    ResourceTopic(Admin admin, String topic, long deadlineNanos) {
        this.admin = admin;
        this.topic = topic;
        this.deadlineNanos = deadlineNanos;
    }

    void ensure() {
        if (!exists()) {
            create();
        }
        check();
    }

    /** Asks first rather than creating blindly, so that a principal allowed to read but not create works. */
    private boolean exists() {
        try {
            get(admin.describeTopics(List.of(topic)).allTopicNames(), "describe the topic");
            return true;
        } catch (ResourceStoreException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false;
            }
            throw e;
        }
    }

    private void create() {
        int brokers = get(admin.describeCluster().nodes(), "describe the cluster of").size();
        short replicationFactor = (short) Math.max(1, Math.min(3, brokers));
        int minInSyncReplicas = Math.min(2, replicationFactor);
        NewTopic newTopic = new NewTopic(topic, 1, replicationFactor).configs(Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(minInSyncReplicas)));
        try {
            get(admin.createTopics(List.of(newTopic)).all(), "create the topic");
            LOG.info("Created the resource topic {} (1 partition, replication factor {}, min.insync.replicas {}, "
                    + "compacted)", topic, replicationFactor, minInSyncReplicas);
        } catch (ResourceStoreException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
            // Another instance created it a moment ago.
        }
    }

    private void check() {
        TopicDescription description = untilKnown(() -> admin.describeTopics(List.of(topic)).allTopicNames(),
                "describe the topic").get(topic);
        if (description.partitions().size() != 1) {
            throw new ResourceStoreException("the resource topic " + topic + " has " + description.partitions().size()
                    + " partitions; it needs exactly 1, so that every instance applies changes in one order");
        }
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = untilKnown(() -> admin.describeConfigs(List.of(resource)).all(),
                "describe the configuration of the topic").get(resource);
        ConfigEntry cleanupPolicy = config == null ? null : config.get(TopicConfig.CLEANUP_POLICY_CONFIG);
        if (cleanupPolicy != null && !cleanupPolicy.value().contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
            LOG.warn("The resource topic {} has cleanup.policy={}; without compaction, resources are lost when "
                    + "retention deletes their records. Set cleanup.policy=compact", topic, cleanupPolicy.value());
        }
    }

    /**
     * Calls the admin client until the broker it asks knows the topic: just after creation, brokers learn
     * about a topic one by one.
     */
    private <T> T untilKnown(Supplier<KafkaFuture<T>> call, String what) {
        while (true) {
            try {
                return get(call.get(), what);
            } catch (ResourceStoreException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadlineNanos) {
                    throw e;
                }
            }
            try {
                Thread.sleep(RETRY_BACKOFF_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ResourceStoreException("interrupted while trying to " + what + " " + topic, e);
            }
        }
    }

    private <T> T get(KafkaFuture<T> future, String what) {
        long remaining = deadlineNanos - System.nanoTime();
        try {
            return future.get(Math.max(0, remaining), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new ResourceStoreException("cannot " + what + " " + topic + ": " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new ResourceStoreException("cannot " + what + " " + topic + ": Kafka did not answer in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResourceStoreException("interrupted while trying to " + what + " " + topic, e);
        }
    }
}
