package io.streamgate.app.embedded;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.FinalizedVersionRange;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedKafkaTest {

    private static final String TOPIC = "embedded-roundtrip";

    @TempDir
    Path dataDir;

    @Test
    void keepsTopicsRecordsAndPortsAcrossARestartOnTheSameDataDirectory() throws Exception {
        String firstAddress;
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir)) {
            firstAddress = kafka.bootstrapServers();
            produce(firstAddress, "key-1", "survives a restart");

            assertThat(consumeAll(firstAddress)).containsExactly("key-1=survives a restart");
        }
        assertThat(dataDir.resolve("kafka/ports.properties")).exists();
        assertThat(dataDir.resolve("kafka/logs/meta.properties")).exists();

        try (EmbeddedKafka restarted = EmbeddedKafka.start(dataDir)) {
            assertThat(restarted.bootstrapServers()).isEqualTo(firstAddress);
            assertThat(consumeAll(restarted.bootstrapServers())).containsExactly("key-1=survives a restart");
        }
    }

    @Test
    void enablesShareGroupsAndListensOnLoopbackOnly() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir);
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            Map<String, FinalizedVersionRange> features =
                    admin.describeFeatures().featureMetadata().get().finalizedFeatures();

            assertThat(features.get("share.version")).isNotNull();
            assertThat(features.get("share.version").maxVersionLevel()).isGreaterThanOrEqualTo((short) 1);
            assertThat(kafka.bootstrapServers()).startsWith("127.0.0.1:");
            assertThat(Files.readString(dataDir.resolve("kafka/server.properties")))
                    .doesNotContain("0.0.0.0");
        }
    }

    private static void produce(String bootstrapServers, String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, key, value)).get();
        }
    }

    private static List<String> consumeAll(String bootstrapServers) {
        TopicPartition partition = new TopicPartition(TOPIC, 0);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            List<String> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (consumer.position(partition) < end && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    records.add(record.key() + "=" + record.value());
                }
            }
            return records;
        }
    }
}
