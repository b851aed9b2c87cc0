package io.streamgate.it.plugins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamgate.it.ItCluster;
import io.streamgate.it.Records;
import io.streamgate.testing.clients.KafkaClients;
import io.streamgate.testing.junit.GatewayExtension;
import io.streamgate.testing.junit.KafkaClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.streamgate.it.Records.consume;
import static io.streamgate.it.Records.unique;
import static io.streamgate.it.plugins.PluginTraffic.install;
import static io.streamgate.it.plugins.PluginTraffic.producerSettings;
import static io.streamgate.it.plugins.PluginTraffic.read;
import static org.assertj.core.api.Assertions.assertThat;

class MaskFieldsIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = ItCluster.KAFKA;

    @RegisterExtension
    static final GatewayExtension GATEWAY = GatewayExtension.inFrontOf(KAFKA);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Map<String, Object>> RULES = List.of(
            Map.of("path", "customer.ssn"),
            Map.of("path", "cards[*].number", "mode", "keepLast", "count", 4),
            Map.of("path", "items[0].price"));

    private KafkaClients direct;

    @BeforeEach
    void connectDirectly() {
        direct = new KafkaClients(KAFKA.cluster().bootstrapServers());
    }

    @AfterEach
    void cleanUp() {
        direct.close();
        PluginTraffic.removeAll(GATEWAY);
    }

    @ParameterizedTest(name = "compression.type={0}, idempotence={1}")
    @CsvSource({"none, false", "lz4, true", "snappy, true"})
    void masksFieldsThroughTheGatewayWhileKafkaKeepsTheValues(String codec, boolean idempotent) throws Exception {
        String topic = unique("mask");
        Records.createTopic(GATEWAY.clients().admin(), topic, 1);
        install(GATEWAY, "mask-pii", "mask-fields", Map.of("rules", RULES, "topics", topic, "onNonJson", "redact"));
        KafkaProducer<String, String> producer = GATEWAY.clients().producer(producerSettings(codec, idempotent, "mask-it"));
        for (int i = 0; i < 20; i++) {
            producer.send(new ProducerRecord<>(topic, "order-" + i, order(i)));
        }
        producer.send(new ProducerRecord<>(topic, "legacy", "ssn=123-45-6789 (not JSON)"));
        producer.flush();

        List<ConsumerRecord<String, String>> throughGateway = read(GATEWAY.clients(), topic, 21);
        List<ConsumerRecord<String, String>> inKafka = read(direct, topic, 21);

        assertThat(throughGateway).hasSize(21);
        for (int i = 0; i < 20; i++) {
            JsonNode masked = JSON.readTree(throughGateway.get(i).value());
            assertThat(masked.at("/customer/ssn").asText()).isEqualTo("***********");
            assertThat(masked.at("/customer/name").asText()).isEqualTo("Customer " + i);
            assertThat(masked.at("/cards/0/number").asText()).isEqualTo("************1111");
            assertThat(masked.at("/cards/1/number").asText()).isEqualTo("************" + String.format("%04d", i));
            assertThat(masked.at("/items/0/price").asText()).isEqualTo("*****");
            assertThat(masked.at("/items/1/price").decimalValue()).isEqualByComparingTo("3.25");
            assertThat(throughGateway.get(i).key()).isEqualTo("order-" + i);
        }
        assertThat(throughGateway.get(20).value()).isEqualTo("***");
        assertThat(inKafka).extracting(ConsumerRecord::value).startsWith(order(0)).endsWith("ssn=123-45-6789 (not JSON)");
        assertThat(throughGateway).extracting(ConsumerRecord::offset)
                .containsExactlyElementsOf(inKafka.stream().map(ConsumerRecord::offset).toList());
    }

    @Test
    void failPolicyDeliversTheRecordsBeforeAValueThatIsNotJsonAndLetsTheConsumerSeekPastIt() throws Exception {
        String topic = unique("mask-fail");
        Records.createTopic(GATEWAY.clients().admin(), topic, 1);
        install(GATEWAY, "mask-strict", "mask-fields", Map.of("rules", RULES, "topics", topic, "onNonJson", "fail"));
        KafkaProducer<String, String> producer = GATEWAY.clients().producer(producerSettings("lz4", true, "mask-it"));
        for (int i = 0; i < 10; i++) {
            producer.send(new ProducerRecord<>(topic, "k" + i, i == 5 ? "not json" : order(i)));
        }
        producer.flush();
        KafkaConsumer<String, String> consumer = GATEWAY.clients().consumer(null);
        TopicPartition partition = new TopicPartition(topic, 0);
        consumer.assign(List.of(partition));

        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        KafkaException failure = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (failure == null && System.nanoTime() < deadline) {
            try {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            } catch (KafkaException e) {
                failure = e;
            }
        }

        assertThat(received).extracting(ConsumerRecord::offset).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(received).allSatisfy(r -> assertThat(r.value()).contains("\"ssn\":\"***********\""));
        assertThat(failure).isNotNull().hasMessageContaining("corrupt message when fetching offset 5");
        consumer.seek(partition, 6);
        assertThat(consume(consumer, 4, Duration.ofSeconds(30))).extracting(ConsumerRecord::offset)
                .containsExactly(6L, 7L, 8L, 9L);
        assertThat(read(direct, topic, 10)).extracting(ConsumerRecord::value).contains("not json");
    }

    private static String order(int i) {
        return "{\"customer\":{\"name\":\"Customer " + i + "\",\"ssn\":\"123-45-6789\"},"
                + "\"cards\":[{\"number\":\"4111111111111111\"},{\"number\":\"550000000000" + String.format("%04d", i) + "\"}],"
                + "\"items\":[{\"price\":12.50},{\"price\":3.25}]}";
    }
}
