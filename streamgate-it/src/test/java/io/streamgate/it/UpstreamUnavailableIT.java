package io.streamgate.it;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamgate.core.Gateway;
import io.streamgate.core.GatewayConfig;
import io.streamgate.testing.clients.KafkaClients;
import io.streamgate.testing.kafka.KafkaCluster;
import io.streamgate.testing.net.FreePorts;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.streamgate.it.Records.consume;
import static io.streamgate.it.Records.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A gateway started before its Kafka cluster starts anyway, reports not-ready, and serves once Kafka is up. */
class UpstreamUnavailableIT {

    @Test
    void startsWithoutItsClusterAndServesOnceTheClusterAppears() throws Exception {
        int kafkaPort = FreePorts.allocate(1)[0];
        int gatewayPort = FreePorts.consecutive(3);
        GatewayConfig config = GatewayConfig.defaults(List.of("127.0.0.1:" + kafkaPort))
                .withListener(GatewayConfig.ListenerConfig.defaults().withBootstrapPort(gatewayPort).withMaxBrokers(2));

        try (Gateway gateway = Gateway.start(config, new SimpleMeterRegistry());
             KafkaCluster kafka = KafkaCluster.builder().brokers(1).clientPort(node -> kafkaPort).build();
             KafkaClients clients = new KafkaClients(gateway.bootstrapServers())) {
            assertThat(gateway.isReady()).isFalse();
            // The first attempt gives up after upstream.connectTimeout (10 s by default).
            await().atMost(Duration.ofSeconds(25)).untilAsserted(() ->
                    assertThat(gateway.notReadyReason()).startsWith("upstream Kafka cluster unreachable"));

            kafka.start();
            await("ready once Kafka is up").atMost(Duration.ofSeconds(30)).until(gateway::isReady);

            String topic = unique("late");
            clients.producer().send(new ProducerRecord<>(topic, "finally")).get();
            KafkaConsumer<String, String> consumer = clients.consumer(unique("group"));
            consumer.subscribe(List.of(topic));
            assertThat(consume(consumer, 1, Duration.ofSeconds(30))).hasSize(1);
        }
    }
}
