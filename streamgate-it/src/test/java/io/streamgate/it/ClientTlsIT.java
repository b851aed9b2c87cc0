package io.streamgate.it;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamgate.core.Gateway;
import io.streamgate.core.GatewayConfig;
import io.streamgate.core.GatewayStartException;
import io.streamgate.core.tls.ListenerTls;
import io.streamgate.testing.clients.KafkaClients;
import io.streamgate.testing.junit.KafkaClusterExtension;
import io.streamgate.testing.net.FreePorts;
import io.streamgate.testing.tls.TestCertificates;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static io.streamgate.it.Records.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Clients reach the gateway over TLS configured as on a Kafka broker ({@code ssl.*} broker properties, through
 * Kafka's own SslFactory): PKCS12, JKS and PEM keystores (files or inline), client certificates required or
 * requested, the enabled TLS versions, and certificate files replaced on disk while the gateway runs.
 */
class ClientTlsIT {

    private static final int MAX_BROKERS = 8;

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = ItCluster.KAFKA;

    private final TestCertificates certificates = ListenerTlsProperties.generate();
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @AfterEach
    void close() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    @Test
    void servesAPkcs12Keystore() throws Exception {
        Gateway gateway = start(listener -> listener.withTls(ListenerTlsProperties.pkcs12Server(certificates)));

        assertProducesOverTls(gateway, ListenerTlsProperties.sslClient(certificates));
    }

    @Test
    void servesPemFiles() throws Exception {
        Gateway gateway = start(listener -> listener.withTls(ListenerTlsProperties.pemFilesServer(certificates)));

        assertProducesOverTls(gateway, ListenerTlsProperties.sslClient(certificates));
    }

    @Test
    void servesInlinePem() throws Exception {
        Map<String, String> inline = Map.of("ssl.keystore.type", "PEM",
                "ssl.keystore.key", Files.readString(certificates.serverKeyPem()),
                "ssl.keystore.certificate.chain", Files.readString(certificates.serverCertPem())
                        + Files.readString(certificates.caPem()));
        Gateway gateway = start(listener -> listener.withTls(inline));

        assertProducesOverTls(gateway, ListenerTlsProperties.sslClient(certificates));
    }

    @Test
    void servesAJksKeystore() throws Exception {
        Path jks = certificates.directory().resolve("server.jks");
        KeyStore pkcs12 = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(certificates.serverKeystore())) {
            pkcs12.load(in, certificates.password().toCharArray());
        }
        KeyStore store = KeyStore.getInstance("JKS");
        store.load(null, null);
        store.setKeyEntry("server", pkcs12.getKey("server", certificates.password().toCharArray()),
                certificates.password().toCharArray(), pkcs12.getCertificateChain("server"));
        try (OutputStream out = Files.newOutputStream(jks)) {
            store.store(out, certificates.password().toCharArray());
        }
        Gateway gateway = start(listener -> listener.withTls(Map.of("ssl.keystore.type", "JKS",
                "ssl.keystore.location", jks.toString(), "ssl.keystore.password", certificates.password(),
                "ssl.key.password", certificates.password())));

        assertProducesOverTls(gateway, ListenerTlsProperties.sslClient(certificates));
    }

    @Test
    void requiredClientCertificatesRefuseAClientWithoutOne() throws Exception {
        Gateway gateway = start(listener -> listener.withTls(with(ListenerTlsProperties.pkcs12Server(certificates),
                ListenerTlsProperties.trustingClients(certificates), Map.of("ssl.client.auth", "required"))));

        assertProducesOverTls(gateway, ListenerTlsProperties.sslClientWithCertificate(certificates));
        try (LogCapture log = new LogCapture(Class.forName("io.streamgate.core.listener.TlsFailureLog"))) {
            KafkaClients anonymous = clients(gateway, ListenerTlsProperties.sslClient(certificates));
            assertThat(anonymous.admin(Map.of("default.api.timeout.ms", 5000, "request.timeout.ms", 3000))
                    .describeCluster().nodes()).failsWithin(Duration.ofSeconds(30));

            // With TLS 1.3 the client may see its side of the handshake end before the gateway refuses the missing
            // certificate, so the gateway's log line and count can come a moment after the client's failure.
            await("the gateway logs the refused handshake").atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(log.messages()).anySatisfy(message -> assertThat(message)
                            .contains("TLS handshake with /127.0.0.1:").contains("on listener secure failed")));
        }
        await("the refused handshake is counted").atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(meters.get("streamgate.connections.rejected").tag("listener", "secure")
                        .tag("reason", "tls_handshake_failed").counter().count()).isGreaterThanOrEqualTo(1));
    }

    @Test
    void requestedClientCertificatesAcceptClientsWithAndWithout() throws Exception {
        Gateway gateway = start(listener -> listener.withTls(with(ListenerTlsProperties.pkcs12Server(certificates),
                ListenerTlsProperties.trustingClients(certificates), Map.of("ssl.client.auth", "requested"))));

        assertProducesOverTls(gateway, ListenerTlsProperties.sslClientWithCertificate(certificates));
        assertProducesOverTls(gateway, ListenerTlsProperties.sslClient(certificates));
    }

    @Test
    void offersOnlyTheEnabledTlsVersions() throws Exception {
        Gateway gateway = start(listener -> listener.withTls(with(ListenerTlsProperties.pkcs12Server(certificates),
                Map.of("ssl.enabled.protocols", "TLSv1.3"))));

        assertThat(handshake(gateway.bootstrapAddress(), "TLSv1.3").getSession().getProtocol()).isEqualTo("TLSv1.3");
        assertThatThrownBy(() -> handshake(gateway.bootstrapAddress(), "TLSv1.2"))
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void refusesToStartWithAWrongKeystorePasswordWithoutRevealingIt() {
        Map<String, String> tls = new HashMap<>(ListenerTlsProperties.pkcs12Server(certificates));
        tls.put("ssl.keystore.password", "not-the-password-" + certificates.password());

        assertThatThrownBy(() -> start(listener -> listener.withTls(tls)))
                .isInstanceOf(GatewayStartException.class)
                .hasMessageContaining("listener secure")
                .hasMessageContaining("keystore")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(certificates.password()));
    }

    @Test
    void refusesToStartWithoutACertificateOrWithAnUnknownProperty() {
        assertThatThrownBy(() -> start(listener -> listener.withTls(Map.of())))
                .isInstanceOf(GatewayStartException.class)
                .hasMessageContaining("listener secure uses TLS but has no server certificate");
        assertThatThrownBy(() -> start(listener -> listener.withTls(with(
                ListenerTlsProperties.pkcs12Server(certificates), Map.of("ssl.keystore.locaton", "/tmp/x")))))
                .isInstanceOf(GatewayStartException.class)
                .hasMessageContaining("unknown TLS properties [ssl.keystore.locaton]");
    }

    @Test
    void servesARenewedCertificateWithoutRestartAndKeepsTheOldOneWhenTheNewFileIsBroken() throws Exception {
        Gateway gateway = start(listener -> listener.withTls(ListenerTlsProperties.pkcs12Server(certificates)));
        X509Certificate first = servedCertificate(gateway.bootstrapAddress());
        assertThat(first.getSerialNumber()).isEqualTo(certificates.serverCertificate().getSerialNumber());

        TestCertificates renewed = certificates.reissueServerCertificate();

        await("renewed certificate served").atMost(Duration.ofSeconds(15)).until(() ->
                servedCertificate(gateway.bootstrapAddress()).getSerialNumber()
                        .equals(renewed.serverCertificate().getSerialNumber()));
        assertProducesOverTls(gateway, ListenerTlsProperties.sslClient(renewed));

        try (LogCapture log = new LogCapture(ListenerTls.class)) {
            Files.writeString(certificates.serverKeystore(), "not a keystore");
            await("reload failure logged").atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                    assertThat(log.messages()).anySatisfy(message -> assertThat(message)
                            .contains("Listener secure: changed TLS keystore or truststore files cannot be used, "
                                    + "still serving the previous certificate")));
        }
        assertThat(servedCertificate(gateway.bootstrapAddress()).getSerialNumber())
                .isEqualTo(renewed.serverCertificate().getSerialNumber());
    }

    private Gateway start(UnaryOperator<GatewayConfig.ListenerConfig> tls) {
        int port = FreePorts.consecutive(1 + MAX_BROKERS);
        List<String> upstream = Arrays.asList(KAFKA.cluster().bootstrapServers().split(","));
        GatewayConfig.ListenerConfig listener = tls.apply(GatewayConfig.ListenerConfig.defaults().withName("secure")
                .withBootstrapPort(port).withMaxBrokers(MAX_BROKERS).withSecurityProtocol(SecurityProtocol.SSL));
        GatewayConfig config = GatewayConfig.defaults(upstream).withListener(listener).withIoThreads(2)
                .withTlsReloadInterval(Duration.ofMillis(200));
        Gateway gateway = Gateway.start(config, meters);
        toClose.add(gateway);
        await("gateway ready").atMost(Duration.ofSeconds(60)).until(gateway::isReady);
        return gateway;
    }

    private KafkaClients clients(Gateway gateway, Map<String, Object> properties) {
        KafkaClients clients = new KafkaClients(gateway.bootstrapServers(), properties);
        toClose.add(clients);
        return clients;
    }

    private void assertProducesOverTls(Gateway gateway, Map<String, Object> clientProperties) throws Exception {
        KafkaClients clients = clients(gateway, clientProperties);
        String topic = unique("tls");
        Records.createTopic(clients.admin(), topic, 3);
        for (int i = 0; i < 3; i++) {
            assertThat(clients.producer().send(new ProducerRecord<>(topic, "k" + i, "v" + i)).get().hasOffset())
                    .isTrue();
        }
        clients.close();
    }

    private X509Certificate servedCertificate(InetSocketAddress address) throws Exception {
        try (SSLSocket socket = handshake(address, "TLSv1.3")) {
            Certificate[] chain = socket.getSession().getPeerCertificates();
            return (X509Certificate) chain[0];
        }
    }

    private SSLSocket handshake(InetSocketAddress address, String protocol) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", certificates.caCertificate());
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustManagers.getTrustManagers(), null);
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(address.getHostString(),
                address.getPort());
        socket.setSoTimeout(10_000);
        socket.setEnabledProtocols(new String[] {protocol});
        try {
            socket.startHandshake();
        } catch (Exception e) {
            socket.close();
            throw e;
        }
        return socket;
    }

    @SafeVarargs
    private static Map<String, String> with(Map<String, String>... parts) {
        Map<String, String> all = new HashMap<>();
        for (Map<String, String> part : parts) {
            all.putAll(part);
        }
        return all;
    }
}
