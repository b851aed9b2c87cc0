package io.streamgate.it;

import io.streamgate.testing.junit.GatewayExtension;
import io.streamgate.testing.junit.KafkaClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Future;

import static io.streamgate.it.Records.consume;
import static io.streamgate.it.Records.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ProduceConsumeIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = ItCluster.KAFKA;

    @RegisterExtension
    static final GatewayExtension GATEWAY = GatewayExtension.inFrontOf(KAFKA);

    @ParameterizedTest(name = "compression.type={0}")
    @ValueSource(strings = {"none", "gzip", "snappy", "lz4", "zstd"})
    void producesAndConsumesWithEveryCompressionCodec(String codec) throws Exception {
        String topic = unique("codec-" + codec);
        Records.createTopic(GATEWAY.clients().admin(), topic, 3);
        KafkaProducer<String, String> producer = GATEWAY.clients().producer(Map.of(
                ProducerConfig.COMPRESSION_TYPE_CONFIG, codec, ProducerConfig.LINGER_MS_CONFIG, 20));
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            sent.add(producer.send(new ProducerRecord<>(topic, "key-" + i, "value-" + i + "-" + codec.repeat(20))));
        }
        for (Future<RecordMetadata> ack : sent) {
            ack.get();
        }

        KafkaConsumer<String, String> consumer = GATEWAY.clients().consumer(unique("group"));
        consumer.subscribe(List.of(topic));
        List<ConsumerRecord<String, String>> received = consume(consumer, 500, Duration.ofSeconds(30));

        assertThat(received).hasSize(500);
        assertThat(received).extracting(ConsumerRecord::value)
                .contains("value-0-" + codec.repeat(20), "value-499-" + codec.repeat(20));
    }

    /**
     * Counted once the new topic's leaders are settled: right after its creation a client may still ask a broker that
     * does not lead yet, whose NOT_LEADER answer carries node endpoints (KIP-951), which the gateway decodes to
     * rewrite.
     */
    @Test
    void forwardsProduceAndFetchResponsesWithoutDecodingThem() throws Exception {
        String topic = unique("undecoded");
        Records.createTopic(GATEWAY.clients().admin(), topic, 3);
        KafkaProducer<String, String> producer = GATEWAY.clients().producer();
        KafkaConsumer<String, String> consumer = GATEWAY.clients().consumer(unique("group"));
        consumer.subscribe(List.of(topic));
        produce(producer, topic, 0, 100);
        assertThat(consume(consumer, 100, Duration.ofSeconds(30))).hasSize(100);
        double fetchesDecoded = count("streamgate.responses.decoded", "Fetch");
        double producesDecoded = count("streamgate.responses.decoded", "Produce");
        double fetches = count("streamgate.requests", "Fetch");
        double produces = count("streamgate.requests", "Produce");

        produce(producer, topic, 100, 200);
        assertThat(consume(consumer, 100, Duration.ofSeconds(30))).hasSize(100);

        assertThat(count("streamgate.requests", "Fetch")).isGreaterThan(fetches);
        assertThat(count("streamgate.requests", "Produce")).isGreaterThan(produces);
        assertThat(count("streamgate.responses.decoded", "Fetch")).isEqualTo(fetchesDecoded);
        assertThat(count("streamgate.responses.decoded", "Produce")).isEqualTo(producesDecoded);
        assertThat(count("streamgate.responses.decoded", "Metadata")).as("addresses are rewritten").isPositive();
    }

    private static void produce(KafkaProducer<String, String> producer, String topic, int from, int to)
            throws Exception {
        for (int i = from; i < to; i++) {
            producer.send(new ProducerRecord<>(topic, "value-" + i)).get();
        }
    }

    private static double count(String name, String api) {
        var counter = GATEWAY.meters().find(name).tag("api", api).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void deliversLargeRecordsIntactStreamingTheirFetchResponses() throws Exception {
        String topic = unique("large");
        Records.createTopic(GATEWAY.clients().admin(), topic, 1);
        byte[] payload = new byte[900 * 1024];
        new Random(7).nextBytes(payload);
        KafkaProducer<byte[], byte[]> producer = GATEWAY.clients().producer(new ByteArraySerializer(),
                new ByteArraySerializer(), Map.of());
        for (int i = 0; i < 5; i++) {
            producer.send(new ProducerRecord<>(topic, payload)).get();
        }

        KafkaConsumer<byte[], byte[]> consumer = GATEWAY.clients().consumer(unique("group"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer(), Map.of());
        consumer.subscribe(List.of(topic));
        List<ConsumerRecord<byte[], byte[]>> received = consume(consumer, 5, Duration.ofSeconds(30));

        assertThat(received).hasSize(5).allSatisfy(record -> assertThat(record.value()).isEqualTo(payload));
        assertThat(count("streamgate.responses.streamed", "Fetch"))
                .as("Fetch responses of ~900 KiB reach the consumer as their bytes arrive").isPositive();
    }

    @Test
    void idempotentProducerWritesEachRecordOnce() throws Exception {
        String topic = unique("idempotent");
        Records.createTopic(GATEWAY.clients().admin(), topic, 2);
        KafkaProducer<String, String> producer = GATEWAY.clients().producer(Map.of(
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5));
        for (int i = 0; i < 1000; i++) {
            producer.send(new ProducerRecord<>(topic, Integer.toString(i % 10), Integer.toString(i)));
        }
        producer.flush();

        KafkaConsumer<String, String> consumer = GATEWAY.clients().consumer(unique("group"));
        consumer.subscribe(List.of(topic));
        List<ConsumerRecord<String, String>> received = consume(consumer, 1000, Duration.ofSeconds(30));

        assertThat(received).extracting(ConsumerRecord::value).doesNotHaveDuplicates().hasSize(1000);
    }

    @Test
    void forwardsProduceWithoutAcknowledgementAndWaitsForNoResponse() {
        String topic = unique("acks0");
        Records.createTopic(GATEWAY.clients().admin(), topic, 1);
        KafkaProducer<String, String> producer = GATEWAY.clients().producer(Map.of(ProducerConfig.ACKS_CONFIG, "0",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false));
        for (int i = 0; i < 200; i++) {
            producer.send(new ProducerRecord<>(topic, "fire-and-forget-" + i));
        }
        producer.flush();

        KafkaConsumer<String, String> consumer = GATEWAY.clients().consumer(unique("group"));
        consumer.subscribe(List.of(topic));
        assertThat(consume(consumer, 200, Duration.ofSeconds(30))).hasSize(200);
        consumer.close(); // its long-polling fetches would keep requests in flight

        await("no request left waiting for a response").atMost(Duration.ofSeconds(10))
                .until(() -> GATEWAY.gateway().inFlightRequests() == 0);
        assertThat(GATEWAY.gateway().openConnections()).as("the producer's connections are still open").isPositive();
    }
}
