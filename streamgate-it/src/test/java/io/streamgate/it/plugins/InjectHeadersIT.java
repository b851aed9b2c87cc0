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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.streamgate.it.Records.unique;
import static io.streamgate.it.plugins.PluginTraffic.header;
import static io.streamgate.it.plugins.PluginTraffic.install;
import static io.streamgate.it.plugins.PluginTraffic.producerSettings;
import static io.streamgate.it.plugins.PluginTraffic.read;
import static org.assertj.core.api.Assertions.assertThat;

class InjectHeadersIT {

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
    @CsvSource({"none, false", "lz4, true", "zstd, true"})
    void injectsRenderedHeadersThatAConsumerReadingKafkaDirectlySees(String codec, boolean idempotent) throws Exception {
        String topic = unique("inject");
        String untouched = unique("no-inject");
        Records.createTopic(GATEWAY.clients().admin(), topic, 1);
        Records.createTopic(GATEWAY.clients().admin(), untouched, 1);
        install(GATEWAY, "inject", "inject-headers", Map.of(
                "topics", topic,
                "headers", Map.of("x-user", "{{user}}", "x-client", "{{clientId}}", "x-id", "{{uuid}}",
                        "x-from", "{{clientIp}} via {{gatewayHost}}", "x-at", "{{timestamp}}", "x-api", "v{{apiVersion}}",
                        "x-vcluster", "[{{vcluster}}]")));
        String clientId = "inject-it-" + codec;
        KafkaProducer<String, String> producer = GATEWAY.clients().producer(producerSettings(codec, idempotent, clientId));

        long before = System.currentTimeMillis();
        for (int i = 0; i < 100; i++) {
            producer.send(new ProducerRecord<>(topic, "key-" + i, "value-" + i));
        }
        producer.send(new ProducerRecord<>(untouched, "key", "value"));
        producer.flush();
        long after = System.currentTimeMillis();

        List<ConsumerRecord<String, String>> stored = read(direct, topic, 100);
        assertThat(stored).hasSize(100);
        assertThat(stored).extracting(ConsumerRecord::value).doesNotHaveDuplicates().contains("value-0", "value-99");
        assertThat(stored).extracting(ConsumerRecord::key).contains("key-0", "key-99");
        assertThat(stored).allSatisfy(record -> {
            assertThat(header(record, "x-user")).isEqualTo("ANONYMOUS");
            assertThat(header(record, "x-client")).isEqualTo(clientId);
            assertThat(header(record, "x-from")).matches("127\\.0\\.0\\.1 via .+");
            assertThat(Long.parseLong(header(record, "x-at"))).isBetween(before, after);
            // Produce v13 names topics by id only: the topics filter above works through id resolution.
            assertThat(header(record, "x-api")).isEqualTo("v13");
            assertThat(header(record, "x-vcluster")).isEqualTo("[]");
        });
        assertThat(stored).extracting(record -> header(record, "x-id")).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).matches("[0-9a-f-]{36}"));
        assertThat(read(direct, untouched, 1)).singleElement()
                .satisfies(record -> assertThat(record.headers().toArray()).isEmpty());
    }

    @Test
    void keepsAHeaderTheProducerSetUnlessOverrideExisting() throws Exception {
        String kept = unique("inject-keep");
        String overridden = unique("inject-override");
        Records.createTopic(GATEWAY.clients().admin(), kept, 1);
        Records.createTopic(GATEWAY.clients().admin(), overridden, 1);
        install(GATEWAY, "keep", "inject-headers", Map.of("topics", kept,
                "headers", Map.of("source", "gateway", "x-added", "yes")));
        install(GATEWAY, "override", "inject-headers", Map.of("topics", overridden,
                "headers", Map.of("source", "gateway"), "overrideExisting", true));
        KafkaProducer<String, String> producer = GATEWAY.clients().producer(producerSettings("lz4", true, "inject-it"));

        for (String topic : List.of(kept, overridden)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, "k", "v");
            record.headers().add(new RecordHeader("source", "app".getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        }

        ConsumerRecord<String, String> keptRecord = read(direct, kept, 1).get(0);
        assertThat(PluginTraffic.headerKeys(keptRecord)).containsExactly("source", "x-added");
        assertThat(header(keptRecord, "source")).isEqualTo("app");
        ConsumerRecord<String, String> overriddenRecord = read(direct, overridden, 1).get(0);
        assertThat(PluginTraffic.headerKeys(overriddenRecord)).containsExactly("source");
        assertThat(header(overriddenRecord, "source")).isEqualTo("gateway");
    }
}
