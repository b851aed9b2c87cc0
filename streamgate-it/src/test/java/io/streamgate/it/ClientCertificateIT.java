package io.streamgate.it;

import io.streamgate.api.Scope;
import io.streamgate.core.auth.GatewaySecurity;
import io.streamgate.core.chain.InterceptorDefinition;
import io.streamgate.it.chain.TestPlugins;
import io.streamgate.testing.clients.KafkaClients;
import io.streamgate.testing.junit.GatewayExtension;
import io.streamgate.testing.junit.KafkaClusterExtension;
import io.streamgate.testing.tls.TestCertificates;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static io.streamgate.it.ClientAuthenticationIT.ALICE_PASSWORD;
import static io.streamgate.it.Records.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Mutual TLS: the client certificate's subject, mapped with Kafka's principal mapping rules, is the connection's
 * principal on an SSL listener; on SASL_SSL the SASL principal wins, as in Kafka.
 */
class ClientCertificateIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = ItCluster.KAFKA;

    static final TestCertificates CERTIFICATES = generate();

    private static TestCertificates generate() {
        try {
            return TestCertificates.generate(Files.createTempDirectory("streamgate-mtls"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> serverTls() {
        return Map.of("ssl.keystore.type", TestCertificates.STORE_TYPE,
                "ssl.keystore.location", CERTIFICATES.serverKeystore().toString(),
                "ssl.keystore.password", CERTIFICATES.password(),
                "ssl.key.password", CERTIFICATES.password(),
                "ssl.truststore.type", TestCertificates.STORE_TYPE,
                "ssl.truststore.location", CERTIFICATES.truststore().toString(),
                "ssl.truststore.password", CERTIFICATES.password(),
                "ssl.client.auth", "required");
    }

    static Map<String, Object> clientTls(String protocol) {
        Map<String, Object> properties = new HashMap<>(Map.of("security.protocol", protocol,
                "ssl.truststore.type", TestCertificates.STORE_TYPE,
                "ssl.truststore.location", CERTIFICATES.truststore().toString(),
                "ssl.truststore.password", CERTIFICATES.password(),
                "ssl.keystore.type", TestCertificates.STORE_TYPE,
                "ssl.keystore.location", CERTIFICATES.clientKeystore().toString(),
                "ssl.keystore.password", CERTIFICATES.password(),
                "ssl.key.password", CERTIFICATES.password()));
        return properties;
    }

    static GatewayExtension tlsGateway(SecurityProtocol protocol, String mappingRules, RecordingAudit audit) {
        TestIdentities identities = new TestIdentities(Map.of("alice", ALICE_PASSWORD), Map.of(),
                Map.of("app-client", Set.of("apps")));
        return GatewayExtension.inFrontOf(KAFKA)
                .configure(c -> c.withListener(c.listener().withSecurityProtocol(protocol).withTls(serverTls())
                        .withAuthentication(c.listener().authentication().withPrincipalMappingRules(mappingRules))))
                .security(() -> new GatewaySecurity(identities, audit));
    }

    @BeforeEach
    void clearRecorded() {
        TestPlugins.RECORDED.clear();
    }

    static void recordPrincipals(GatewayExtension gateway) {
        gateway.gateway().interceptors().put(new InterceptorDefinition("who", "test-principal-recorder", 100,
                Scope.GLOBAL, Map.of("label", "tls"), null));
    }

    @Nested
    class OverSsl {
        static final RecordingAudit AUDIT = new RecordingAudit();

        @RegisterExtension
        static final GatewayExtension GATEWAY = tlsGateway(SecurityProtocol.SSL, "RULE:^CN=([^,]+)$/app-$1/",
                AUDIT);

        @AfterEach
        void removeInterceptors() {
            GATEWAY.gateway().interceptors().replaceAll(List.of());
        }

        @Test
        void takesThePrincipalFromTheMappedCertificateSubject() throws Exception {
            recordPrincipals(GATEWAY);
            try (KafkaClients client = new KafkaClients(GATEWAY.bootstrapServers(), clientTls("SSL"))) {
                client.producer().send(new ProducerRecord<>(unique("mtls"), "k", "v")).get(30, TimeUnit.SECONDS);
            }
            assertThat(TestPlugins.RECORDED).isNotEmpty().containsOnly("tls:app-client:-:apps");
            assertThat(AUDIT.events()).anySatisfy(event -> {
                assertThat(event.mechanism()).isEqualTo("SSL");
                assertThat(event.principal()).isEqualTo("app-client");
                assertThat(event.succeeded()).isTrue();
            });
        }
    }

    @Nested
    class WithoutAMatchingRule {
        static final RecordingAudit AUDIT = new RecordingAudit();

        @RegisterExtension
        static final GatewayExtension GATEWAY = tlsGateway(SecurityProtocol.SSL, "RULE:^CN=trusted-app$/trusted/",
                AUDIT);

        @Test
        void closesTheConnectionOfACertificateNoRuleMaps() {
            Map<String, Object> properties = clientTls("SSL");
            properties.put("default.api.timeout.ms", 5_000);
            properties.put("request.timeout.ms", 3_000);
            try (KafkaClients client = new KafkaClients(GATEWAY.bootstrapServers(), properties)) {
                assertThatThrownBy(() -> client.admin().describeCluster().nodes().get(10, TimeUnit.SECONDS));
            }
            assertThat(AUDIT.events()).anySatisfy(event -> {
                assertThat(event.mechanism()).isEqualTo("SSL");
                assertThat(event.succeeded()).isFalse();
                assertThat(event.reason()).isEqualTo("no principal mapping rule matches the certificate subject");
            });
        }
    }

    @Nested
    class OverSaslSsl {
        @RegisterExtension
        static final GatewayExtension GATEWAY = tlsGateway(SecurityProtocol.SASL_SSL, "RULE:^CN=([^,]+)$/app-$1/",
                new RecordingAudit());

        @AfterEach
        void removeInterceptors() {
            GATEWAY.gateway().interceptors().replaceAll(List.of());
        }

        @Test
        void letsTheSaslPrincipalWinOverTheCertificate() throws Exception {
            recordPrincipals(GATEWAY);
            Map<String, Object> properties = clientTls("SASL_SSL");
            properties.put("sasl.mechanism", "PLAIN");
            properties.put("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required "
                    + "username=\"alice\" password=\"" + ALICE_PASSWORD + "\";");
            try (KafkaClients client = new KafkaClients(GATEWAY.bootstrapServers(), properties)) {
                client.producer().send(new ProducerRecord<>(unique("sasl-ssl"), "k", "v")).get(30, TimeUnit.SECONDS);
            }
            assertThat(TestPlugins.RECORDED).isNotEmpty().allSatisfy(line -> assertThat(line).startsWith("tls:alice:"));
        }
    }

}
