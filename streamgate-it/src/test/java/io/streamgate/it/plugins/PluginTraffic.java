package io.streamgate.it.plugins;

import io.streamgate.api.Scope;
import io.streamgate.core.chain.InterceptorDefinition;
import io.streamgate.testing.clients.KafkaClients;
import io.streamgate.testing.junit.GatewayExtension;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.streamgate.it.Records.consume;

/** What the plugin tests share: installing an interceptor, producer settings, reading a topic without a group. */
final class PluginTraffic {

    private PluginTraffic() {
    }

    static void install(GatewayExtension gateway, String name, String plugin, Map<String, Object> config) {
        gateway.gateway().interceptors().put(new InterceptorDefinition(name, plugin, 100, Scope.GLOBAL, config, null));
    }

    static void removeAll(GatewayExtension gateway) {
        gateway.gateway().interceptors().replaceAll(List.of());
    }

    /** Producer settings for a compression codec, with or without idempotence, batching a little. */
    static Map<String, Object> producerSettings(String codec, boolean idempotent, String clientId) {
        return Map.of(ProducerConfig.COMPRESSION_TYPE_CONFIG, codec, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, idempotent,
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.CLIENT_ID_CONFIG, clientId);
    }

    /** Reads partition 0 of {@code topic} from the beginning, without a consumer group, until {@code count} records. */
    static List<ConsumerRecord<String, String>> read(KafkaClients clients, String topic, int count) {
        KafkaConsumer<String, String> consumer = clients.consumer(null);
        consumer.assign(List.of(new TopicPartition(topic, 0)));
        return consume(consumer, count, Duration.ofSeconds(30));
    }

    /** Every record of every partition of {@code topic} up to its end now; empty while the topic does not exist. */
    static List<ConsumerRecord<String, String>> readToEnd(KafkaClients clients, String topic) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, clients.bootstrapServers(),
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions;
            try {
                partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                        .map(info -> new TopicPartition(topic, info.partition())).toList();
            } catch (TimeoutException e) {
                return records;
            }
            if (partitions.isEmpty()) {
                return records;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    static String header(ConsumerRecord<?, ?> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static List<String> headerKeys(ConsumerRecord<?, ?> record) {
        return Arrays.stream(record.headers().toArray()).map(Header::key).toList();
    }
}
