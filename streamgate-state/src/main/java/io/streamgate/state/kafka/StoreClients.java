package io.streamgate.state.kafka;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.HashMap;
import java.util.Map;

/**
 * The store's Kafka clients, built from the caller's properties with the settings the store's guarantees
 * rest on forced: an idempotent producer that waits for all in-sync replicas, and a consumer outside any
 * group that reads only committed records from the beginning.
 */
final class StoreClients {

    private StoreClients() {
    }

    static Admin admin(KafkaResourceStoreConfig config) {
        return Admin.create(properties(config, "admin"));
    }

    static KafkaProducer<String, String> producer(KafkaResourceStoreConfig config) {
        Map<String, Object> properties = properties(config, "producer");
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        // send() must not block longer than a write may take while it looks up the topic's metadata.
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, config.writeTimeout().toMillis());
        return new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
    }

    static KafkaConsumer<String, String> consumer(KafkaResourceStoreConfig config) {
        Map<String, Object> properties = properties(config, "consumer");
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // A broker holds an empty fetch this long; it bounds how late a change can show up (default 500 ms).
        properties.putIfAbsent(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        return new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
    }

    /**
     * The caller's properties; a caller's {@code client.id} gets a suffix per client, and without one Kafka
     * picks a unique id, so that several stores in one JVM do not clash.
     */
    private static Map<String, Object> properties(KafkaResourceStoreConfig config, String role) {
        Map<String, Object> properties = new HashMap<>(config.clientProperties());
        Object clientId = properties.get(CommonClientConfigs.CLIENT_ID_CONFIG);
        if (clientId != null && !clientId.toString().isBlank()) {
            properties.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId + "-resources-" + role);
        }
        return properties;
    }
}
