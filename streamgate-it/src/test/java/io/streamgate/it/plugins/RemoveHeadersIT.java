package io.streamgate.it.plugins;

import io.streamgate.it.ItCluster;
import io.streamgate.it.Records;
import io.streamgate.testing.clients.KafkaClients;
import io.streamgate.testing.junit.GatewayExtension;
import io.streamgate.testing.junit.KafkaClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.streamgate.it.Records.unique;
import static io.streamgate.it.plugins.PluginTraffic.headerKeys;
import static io.streamgate.it.plugins.PluginTraffic.install;
import static io.streamgate.it.plugins.PluginTraffic.producerSettings;
import static io.streamgate.it.plugins.PluginTraffic.read;
import static org.assertj.core.api.Assertions.assertThat;

class RemoveHeadersIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = ItCluster.KAFKA;

    @RegisterExtension
    static final GatewayExtension GATEWAY = GatewayExtension.inFrontOf(KAFKA);

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
    @CsvSource({"none, false", "lz4, true", "gzip, true"})
    void removesMatchingHeadersThroughTheGatewayWhileKafkaKeepsThem(String codec, boolean idempotent) {
        String topic = unique("remove-headers");
        String other = unique("keep-headers");
        Records.createTopic(GATEWAY.clients().admin(), topic, 1);
        Records.createTopic(GATEWAY.clients().admin(), other, 1);
        install(GATEWAY, "strip-internal", "remove-headers", Map.of("headerPattern", "x-internal-.*", "topics", topic));
        KafkaProducer<String, String> producer = GATEWAY.clients().producer(producerSettings(codec, idempotent, "remove-it"));
        for (String target : List.of(topic, other)) {
            for (int i = 0; i < 50; i++) {
                ProducerRecord<String, String> record = new ProducerRecord<>(target, "key-" + i, "value-" + i);
                record.headers().add(header("trace", "t-" + i)).add(header("x-internal-user", "alice"))
                        .add(header("x-internal-cost", "42")).add(header("tenant", "a"));
                producer.send(record);
            }
        }
        producer.flush();

        List<ConsumerRecord<String, String>> throughGateway = read(GATEWAY.clients(), topic, 50);
        List<ConsumerRecord<String, String>> inKafka = read(direct, topic, 50);
        List<ConsumerRecord<String, String>> otherThroughGateway = read(GATEWAY.clients(), other, 50);

        assertThat(throughGateway).hasSize(50).allSatisfy(record ->
                assertThat(headerKeys(record)).containsExactly("trace", "tenant"));
        assertThat(throughGateway).extracting(ConsumerRecord::offset).containsExactlyElementsOf(
                inKafka.stream().map(ConsumerRecord::offset).toList());
        assertThat(throughGateway).extracting(ConsumerRecord::value).containsExactlyElementsOf(
                inKafka.stream().map(ConsumerRecord::value).toList());
        assertThat(inKafka).hasSize(50).allSatisfy(record ->
                assertThat(headerKeys(record)).containsExactly("trace", "x-internal-user", "x-internal-cost", "tenant"));
        assertThat(otherThroughGateway).hasSize(50).allSatisfy(record ->
                assertThat(headerKeys(record)).contains("x-internal-user"));
    }

    private static RecordHeader header(String key, String value) {
        return new RecordHeader(key, value.getBytes(StandardCharsets.UTF_8));
    }
}
