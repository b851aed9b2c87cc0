package io.streamgate.it.policy;

import io.streamgate.api.PolicyAction;
import io.streamgate.api.Scope;
import io.streamgate.core.chain.InterceptorDefinition;
import io.streamgate.it.ItCluster;
import io.streamgate.it.Records;
import io.streamgate.testing.junit.GatewayExtension;
import io.streamgate.testing.junit.KafkaClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import static io.streamgate.it.Records.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaIdRequiredPolicyIT {

    private static final ViolationRecorder AUDIT = new ViolationRecorder();

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = ItCluster.KAFKA;

    @RegisterExtension
    static final GatewayExtension GATEWAY = AUDIT.gatewayAuditedHere(GatewayExtension.inFrontOf(KAFKA));

    @AfterEach
    void cleanUp() {
        GATEWAY.gateway().interceptors().replaceAll(List.of());
        AUDIT.clear();
    }

    @Test
    void refusesThePartitionWithARecordWithoutSchemaIdAndWritesTheOtherPartitionOfTheSameRequest() throws Exception {
        String topic = unique("schema-id-required");
        Records.createTopic(GATEWAY.clients().admin(), topic, 2);
        install(Map.of("mode", "required", "topics", "schema-id-required.*"));

        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            Future<RecordMetadata> good = producer.send(new ProducerRecord<>(topic, 0, null, withSchemaId(42, "ok")));
            Future<RecordMetadata> bad = producer.send(new ProducerRecord<>(topic, 1, null, plain("no id")));
            producer.flush();
            assertThat(good.get().offset()).isZero();
            assertThatThrownBy(bad::get).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(InvalidRecordException.class)
                    .hasMessage("record 0 of " + topic + "-1 has no schema id: its value does not start with the"
                            + " schema registry wire format (magic byte 0, then a 4-byte schema id)"
                            + " (rule schemaId.required, interceptor registry-encoded)");
        }

        assertThat(valuesInKafka(topic, 0)).containsExactly("\0\0\0\0*ok");
        assertThat(valuesInKafka(topic, 1)).isEmpty();
        assertThat(AUDIT.events()).singleElement().satisfies(event -> {
            assertThat(event.interceptor()).isEqualTo("registry-encoded");
            assertThat(event.plugin()).isEqualTo("schema-id-required-policy");
            assertThat(event.api()).isEqualTo("Produce");
            assertThat(event.violation().rule()).isEqualTo("schemaId.required");
            assertThat(event.violation().action()).isEqualTo(PolicyAction.BLOCK);
            assertThat(event.violation().topic()).isEqualTo(topic);
            assertThat(event.violation().value()).isEqualTo("record 0");
        });
    }

    @Test
    void forbiddenModeRefusesValuesWithASchemaIdAndLetsOtherTopicsThrough() throws Exception {
        String raw = unique("raw-json");
        String other = unique("other");
        Records.createTopic(GATEWAY.clients().admin(), raw, 1);
        Records.createTopic(GATEWAY.clients().admin(), other, 1);
        install(Map.of("mode", "forbidden", "topics", "raw-json.*"));

        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(raw, plain("{\"a\":1}"))).get();
            producer.send(new ProducerRecord<>(other, withSchemaId(7, "x"))).get();
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(raw, withSchemaId(7, "x"))).get())
                    .cause().isInstanceOf(InvalidRecordException.class)
                    .hasMessageContaining("carries a schema id").hasMessageContaining("rule schemaId.forbidden");
        }

        assertThat(valuesInKafka(raw, 0)).containsExactly("{\"a\":1}");
        assertThat(AUDIT.events()).extracting(event -> event.violation().rule()).containsExactly("schemaId.forbidden");
    }

    @Test
    void infoWritesTheRecordAndReportsIt() throws Exception {
        String topic = unique("schema-id-info");
        Records.createTopic(GATEWAY.clients().admin(), topic, 1);
        install(Map.of("action", "INFO"));

        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(topic, plain("no id"))).get();
        }

        assertThat(valuesInKafka(topic, 0)).containsExactly("no id");
        assertThat(AUDIT.events()).extracting(event -> event.violation().action()).containsExactly(PolicyAction.INFO);
    }

    private static void install(Map<String, Object> config) {
        GATEWAY.gateway().interceptors().put(new InterceptorDefinition("registry-encoded", "schema-id-required-policy",
                100, Scope.GLOBAL, config, null));
    }

    private static KafkaProducer<byte[], byte[]> producer() {
        return GATEWAY.clients().producer(new ByteArraySerializer(), new ByteArraySerializer(), Map.of(
                ProducerConfig.LINGER_MS_CONFIG, 50, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
                ProducerConfig.RETRIES_CONFIG, 0, ProducerConfig.ACKS_CONFIG, "all"));
    }

    /** The values of one partition, read directly from Kafka, as text. */
    private static List<String> valuesInKafka(String topic, int partition) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", KAFKA.cluster().bootstrapServers()),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition tp = new TopicPartition(topic, partition);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long end = consumer.endOffsets(List.of(tp)).get(tp);
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (consumer.position(tp) < end && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(new String(record.value(), StandardCharsets.ISO_8859_1));
                }
            }
            return values;
        }
    }

    private static byte[] withSchemaId(int id, String data) {
        byte[] payload = plain(data);
        return ByteBuffer.allocate(5 + payload.length).put((byte) 0).putInt(id).put(payload).array();
    }

    private static byte[] plain(String data) {
        return data.getBytes(StandardCharsets.UTF_8);
    }
}
