package io.streamgate.it;

import io.streamgate.testing.junit.GatewayExtension;
import io.streamgate.testing.junit.KafkaClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static io.streamgate.it.Records.consume;
import static io.streamgate.it.Records.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's own connections to Kafka use ordinary Kafka client properties, so any Kafka security
 * protocol works toward the cluster while clients still talk plaintext to the gateway.
 */
class UpstreamSecurityIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = ItCluster.KAFKA;

    @Nested
    class OverTls {
        @RegisterExtension
        static final GatewayExtension GATEWAY = GatewayExtension.inFrontOf(KAFKA)
                .upstreamListener(cluster -> cluster.sslBootstrapServers(), cluster -> cluster.sslClientProperties());

        @Test
        void producesAndConsumesThroughATlsUpstream() throws Exception {
            roundTrip(GATEWAY);
        }
    }

    @Nested
    class OverSaslPlain {
        @RegisterExtension
        static final GatewayExtension GATEWAY = GatewayExtension.inFrontOf(KAFKA).upstreamListener(
                cluster -> cluster.saslBootstrapServers(), cluster -> cluster.saslClientProperties("PLAIN", "gateway"));

        @Test
        void producesAndConsumesThroughASaslPlainUpstream() throws Exception {
            roundTrip(GATEWAY);
        }
    }

    @Nested
    class OverSaslScram {
        @RegisterExtension
        static final GatewayExtension GATEWAY = GatewayExtension.inFrontOf(KAFKA).upstreamListener(
                cluster -> cluster.saslBootstrapServers(),
                cluster -> cluster.saslClientProperties("SCRAM-SHA-512", "gateway"));

        @Test
        void producesAndConsumesThroughAScramUpstream() throws Exception {
            roundTrip(GATEWAY);
        }
    }

    static void roundTrip(GatewayExtension gateway) throws Exception {
        String topic = unique("secured");
        Records.createTopic(gateway.clients().admin(), topic, 3);
        KafkaProducer<String, String> producer = gateway.clients().producer();
        for (int i = 0; i < 30; i++) {
            producer.send(new ProducerRecord<>(topic, "k" + i, "secured-" + i)).get();
        }
        KafkaConsumer<String, String> consumer = gateway.clients().consumer(unique("group"));
        consumer.subscribe(List.of(topic));
        List<ConsumerRecord<String, String>> received = consume(consumer, 30, Duration.ofSeconds(30));

        assertThat(received).hasSize(30);
        assertThat(gateway.clients().admin().describeCluster().nodes().get()).hasSize(3)
                .allSatisfy(node -> assertThat(node.host()).isEqualTo("localhost"));
    }
}
