package io.streamgate.state.kafka;

import org.apache.kafka.clients.CommonClientConfigs;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a {@link KafkaResourceStore} reaches its topic. Immutable.
 *
 * @param clientProperties Kafka client properties shared by the store's admin client, producer and consumer:
 *     {@code bootstrap.servers} and, as needed, security settings. The store overrides what its correctness
 *     depends on (serializers, {@code acks}, idempotence, isolation level, no consumer group).
 * @param topic the compacted topic holding the resources, {@value #DEFAULT_TOPIC} by default
 * @param writeTimeout how long a put or delete may wait for Kafka to acknowledge the write and for this
 *     instance to read it back; 10 s by default
 * @param startTimeout how long {@link KafkaResourceStore#start()} may take to create the topic and read it to
 *     its end; 60 s by default
 */
public record KafkaResourceStoreConfig(Map<String, Object> clientProperties, String topic, Duration writeTimeout,
                                       Duration startTimeout) {

    public static final String DEFAULT_TOPIC = "_streamgate_resources";
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(60);

    public KafkaResourceStoreConfig {
        Objects.requireNonNull(clientProperties, "clientProperties");
        if (clientProperties.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG) == null) {
            throw new IllegalArgumentException("the Kafka client properties need bootstrap.servers");
        }
        clientProperties = Collections.unmodifiableMap(new LinkedHashMap<>(clientProperties));
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("the resource topic name is blank");
        }
        requirePositive(writeTimeout, "writeTimeout");
        requirePositive(startTimeout, "startTimeout");
    }

    /** The default topic and timeouts. */
    public static KafkaResourceStoreConfig of(Map<String, Object> clientProperties) {
        return of(clientProperties, DEFAULT_TOPIC);
    }

    /** The default timeouts. */
    public static KafkaResourceStoreConfig of(Map<String, Object> clientProperties, String topic) {
        return new KafkaResourceStoreConfig(clientProperties, topic, DEFAULT_WRITE_TIMEOUT, DEFAULT_START_TIMEOUT);
    }

    public KafkaResourceStoreConfig withWriteTimeout(Duration timeout) {
        return new KafkaResourceStoreConfig(clientProperties, topic, timeout, startTimeout);
    }

    public KafkaResourceStoreConfig withStartTimeout(Duration timeout) {
        return new KafkaResourceStoreConfig(clientProperties, topic, writeTimeout, timeout);
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, not " + duration);
        }
    }
}
