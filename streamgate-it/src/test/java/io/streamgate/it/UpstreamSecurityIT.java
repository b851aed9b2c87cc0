package io.streamgate.it;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamgate.core.Gateway;
import io.streamgate.core.GatewayConfig;
import io.streamgate.core.GatewayStartException;
import io.streamgate.testing.junit.GatewayExtension;
import io.streamgate.testing.junit.KafkaClusterExtension;
import io.streamgate.testing.kafka.KafkaCluster;
import io.streamgate.testing.net.FreePorts;
import io.streamgate.testing.oauth.TestOAuthServer;
import io.streamgate.testing.tls.TestCertificates;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.streamgate.it.Records.consume;
import static io.streamgate.it.Records.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The gateway's own connections to Kafka use ordinary Kafka client properties, so any Kafka security
 * protocol works toward the cluster while clients still talk plaintext to the gateway.
 */
class UpstreamSecurityIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = ItCluster.KAFKA;

    /** The identity provider of the strict cluster's OAUTHBEARER listener. */
    static final TestOAuthServer OAUTH = TestOAuthServer.start("streamgate-upstream");
    static final Path JWKS = OAUTH.writeJwks(temporaryFile("jwks", ".json"));

    /**
     * One broker that trusts only client certificates on its SSL listener (ssl.client.auth=required) and
     * offers OAUTHBEARER, validated against {@link #OAUTH}, on its SASL listener.
     */
    static final KafkaClusterExtension STRICT_KAFKA = KafkaClusterExtension.shared("it-strict-single", builder -> {
        builder.brokers(1).sslListener(true).saslPlainListener(ItCluster.SASL_USERS)
                .brokerProperty("listener.name.ssl.ssl.client.auth", "required")
                .jvmOption(TestOAuthServer.brokerJvmOption(JWKS));
        OAUTH.brokerProperties(JWKS, List.of("PLAIN")).forEach(builder::brokerProperty);
        return builder;
    });

    static {
        OAUTH.registerClient("gateway", "gateway-oauth-secret");
    }

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

    @Nested
    class OverMutualTls {
        @RegisterExtension
        static final KafkaClusterExtension STRICT = STRICT_KAFKA;

        @RegisterExtension
        static final GatewayExtension GATEWAY = GatewayExtension.inFrontOf(STRICT).upstreamListener(
                cluster -> cluster.sslBootstrapServers(), UpstreamSecurityIT::mutualTlsProperties);

        @Test
        void producesAndConsumesThroughAnUpstreamThatRequiresClientCertificates() throws Exception {
            roundTrip(GATEWAY, 1);
        }

        @Test
        void theUpstreamRefusesAClientWithoutACertificate() {
            Map<String, Object> withoutCertificate = new HashMap<>(STRICT.cluster().sslClientProperties());
            withoutCertificate.put("bootstrap.servers", STRICT.cluster().sslBootstrapServers());
            withoutCertificate.put("default.api.timeout.ms", "5000");
            withoutCertificate.put("request.timeout.ms", "5000");
            try (Admin direct = Admin.create(withoutCertificate)) {
                assertThatThrownBy(() -> direct.describeCluster().nodes().get(10, TimeUnit.SECONDS))
                        .hasRootCauseInstanceOf(javax.net.ssl.SSLException.class);
            }
        }
    }

    @Nested
    class OverSaslOAuthBearer {
        @RegisterExtension
        static final KafkaClusterExtension STRICT = STRICT_KAFKA;

        @RegisterExtension
        static final GatewayExtension GATEWAY = GatewayExtension.inFrontOf(STRICT).upstreamListener(
                cluster -> cluster.saslBootstrapServers(),
                cluster -> OAUTH.clientProperties("gateway", "gateway-oauth-secret"));

        @Test
        void producesAndConsumesWithATokenFromTheClientCredentialsGrant() throws Exception {
            roundTrip(GATEWAY, 1);
        }

        @Test
        void refusesToStartWithCredentialsTheIdentityProviderRejects() {
            KafkaCluster cluster = STRICT.cluster();
            GatewayConfig config = GatewayConfig.defaults(List.of(cluster.saslBootstrapServers()))
                    .withListener(GatewayConfig.ListenerConfig.defaults().withBootstrapPort(FreePorts.consecutive(2)))
                    .withUpstream(GatewayConfig.UpstreamConfig.defaults(List.of(cluster.saslBootstrapServers()))
                            .withClientProperties(OAUTH.clientProperties("gateway", "not-the-secret")));

            assertThatThrownBy(() -> Gateway.start(config, new SimpleMeterRegistry()).close())
                    .isInstanceOf(GatewayStartException.class)
                    .hasMessageContaining("OAUTHBEARER")
                    .hasMessageNotContaining("not-the-secret");
        }
    }

    /** The cluster's TLS properties plus the test client certificate, which the strict broker requires. */
    static Map<String, String> mutualTlsProperties(KafkaCluster cluster) {
        Map<String, String> properties = new HashMap<>(cluster.sslClientProperties());
        TestCertificates certificates = cluster.tls();
        properties.put("ssl.keystore.type", TestCertificates.STORE_TYPE);
        properties.put("ssl.keystore.location", certificates.clientKeystore().toString());
        properties.put("ssl.keystore.password", certificates.password());
        properties.put("ssl.key.password", certificates.password());
        return properties;
    }

    static Path temporaryFile(String prefix, String suffix) {
        try {
            Path file = Files.createTempFile(prefix, suffix);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void roundTrip(GatewayExtension gateway) throws Exception {
        roundTrip(gateway, 3);
    }

    static void roundTrip(GatewayExtension gateway, int brokers) throws Exception {
        String topic = unique("secured");
        Records.createTopic(gateway.clients().admin(), topic, 3, brokers, Map.of());
        KafkaProducer<String, String> producer = gateway.clients().producer();
        for (int i = 0; i < 30; i++) {
            producer.send(new ProducerRecord<>(topic, "k" + i, "secured-" + i)).get();
        }
        KafkaConsumer<String, String> consumer = gateway.clients().consumer(unique("group"));
        consumer.subscribe(List.of(topic));
        List<ConsumerRecord<String, String>> received = consume(consumer, 30, Duration.ofSeconds(30));

        assertThat(received).hasSize(30);
        assertThat(gateway.clients().admin().describeCluster().nodes().get()).hasSize(brokers)
                .allSatisfy(node -> assertThat(node.host()).isEqualTo("localhost"));
    }
}
