package io.streamgate.testing.clients;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Makes real Kafka clients that talk to one bootstrap address (a gateway, or Kafka directly) and remembers
 * them, so that {@link #close()} closes every client a test made. Defaults: String keys and values,
 * {@code acks=all}, consumers start from the earliest offset. Every default can be overridden per client.
 * Not thread-safe: a test makes its clients from one thread.
 */
public final class KafkaClients implements AutoCloseable {

    private final Map<String, Object> common;
    private final Deque<AutoCloseable> made = new ArrayDeque<>();

    public KafkaClients(String bootstrapServers, Map<String, ?> commonProperties) {
        this.common = new HashMap<>(commonProperties);
        this.common.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    }

    public KafkaClients(String bootstrapServers) {
        this(bootstrapServers, Map.of());
    }

    public String bootstrapServers() {
        return (String) common.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
    }

    public KafkaProducer<String, String> producer() {
        return producer(Map.of());
    }

    public KafkaProducer<String, String> producer(Map<String, ?> overrides) {
        return producer(new StringSerializer(), new StringSerializer(), overrides);
    }

    public <K, V> KafkaProducer<K, V> producer(Serializer<K> keys, Serializer<V> values, Map<String, ?> overrides) {
        Map<String, Object> properties = new HashMap<>(common);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
        properties.putAll(overrides);
        return remember(new KafkaProducer<>(properties, keys, values));
    }

    public KafkaConsumer<String, String> consumer(String groupId) {
        return consumer(groupId, Map.of());
    }

    public KafkaConsumer<String, String> consumer(String groupId, Map<String, ?> overrides) {
        return consumer(groupId, new StringDeserializer(), new StringDeserializer(), overrides);
    }

    public <K, V> KafkaConsumer<K, V> consumer(String groupId, Deserializer<K> keys, Deserializer<V> values,
                                               Map<String, ?> overrides) {
        Map<String, Object> properties = new HashMap<>(common);
        if (groupId != null) {
            properties.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        }
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.putAll(overrides);
        return remember(new KafkaConsumer<>(properties, keys, values));
    }

    public KafkaShareConsumer<String, String> shareConsumer(String groupId, Map<String, ?> overrides) {
        Map<String, Object> properties = new HashMap<>(common);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        properties.putAll(overrides);
        return remember(new KafkaShareConsumer<>(properties, new StringDeserializer(), new StringDeserializer()));
    }

    public Admin admin() {
        return admin(Map.of());
    }

    public Admin admin(Map<String, ?> overrides) {
        Map<String, Object> properties = new HashMap<>(common);
        properties.putAll(overrides);
        return remember(Admin.create(properties));
    }

    private <T extends AutoCloseable> T remember(T client) {
        made.push(client);
        return client;
    }

    /** Closes every client made so far, newest first. */
    @Override
    public void close() {
        AutoCloseable client;
        while ((client = made.poll()) != null) {
            try {
                if (client instanceof KafkaProducer<?, ?> producer) {
                    producer.close(Duration.ofSeconds(10));
                } else if (client instanceof KafkaConsumer<?, ?> consumer) {
                    consumer.close();
                } else if (client instanceof Admin admin) {
                    admin.close(Duration.ofSeconds(10));
                } else {
                    client.close();
                }
            } catch (Exception e) {
                // A client that fails to close must not keep the others open.
            }
        }
    }
}
