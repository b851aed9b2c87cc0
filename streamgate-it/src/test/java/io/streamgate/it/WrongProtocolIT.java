package io.streamgate.it;

import io.micrometer.core.instrument.Counter;
import io.streamgate.testing.junit.GatewayExtension;
import io.streamgate.testing.junit.KafkaClusterExtension;
import io.streamgate.testing.net.FreePorts;
import io.streamgate.testing.tls.TestCertificates;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.message.MetadataRequestData;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

import static io.streamgate.it.Records.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A client speaking the other protocol than the listener's, TLS to a plaintext listener or plaintext Kafka to a TLS
 * listener, is told apart from bad Kafka input: the log says which mistake it is, a metric counts it, the
 * connection is closed, and the gateway goes on serving everyone else.
 */
class WrongProtocolIT {

    private static final TestCertificates CERTIFICATES = ListenerTlsProperties.generate();
    private static final int TLS_PORT = FreePorts.consecutive(9);

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = ItCluster.KAFKA;

    @RegisterExtension
    static final GatewayExtension GATEWAY = GatewayExtension.inFrontOf(KAFKA).configure(config -> config
            .withListeners(List.of(config.listener().withName("plain"), config.listener().withName("secure")
                    .withBootstrapPort(TLS_PORT).withSecurityProtocol(SecurityProtocol.SSL)
                    .withTls(ListenerTlsProperties.pkcs12Server(CERTIFICATES)))));

    private LogCapture log;
    private KafkaProducer<String, String> bystander;
    private String topic;

    @BeforeEach
    void startABystander() throws Exception {
        log = new LogCapture(Class.forName("io.streamgate.core.listener.ProtocolMismatchDetector"));
        topic = unique("bystander");
        Records.createTopic(GATEWAY.clients().admin(), topic, 1);
        bystander = GATEWAY.clients().producer();
        bystander.send(new ProducerRecord<>(topic, "before")).get();
    }

    @AfterEach
    void bystanderStillWorks() throws Exception {
        bystander.send(new ProducerRecord<>(topic, "after")).get();
        log.close();
    }

    @Test
    void tlsHandshakeOnThePlaintextListener() throws Exception {
        byte[] clientHello = {0x16, 0x03, 0x01, 0x00, (byte) 0xa5, 0x01, 0x00, 0x00, (byte) 0xa1, 0x03, 0x03};
        try (RawConnection connection = new RawConnection(GATEWAY.gateway().bootstrapAddress("plain"))) {
            connection.send(clientHello);
            assertThat(connection.closedByPeer()).as("the gateway closed the connection").isTrue();
        }
        awaitLog("TLS handshake on plaintext listener plain from /127.0.0.1:");
        assertThat(rejections("plain", "tls_on_plaintext")).isEqualTo(1);
    }

    @Test
    void plaintextKafkaOnTheTlsListener() throws Exception {
        InetSocketAddress secure = new InetSocketAddress("127.0.0.1", TLS_PORT);
        try (RawConnection connection = new RawConnection(secure)) {
            connection.send(new MetadataRequestData(), (short) 12, 1);
            assertThat(connection.closedByPeer()).as("the gateway closed the connection").isTrue();
        }
        awaitLog("sent plaintext Kafka bytes to TLS listener secure");
        assertThat(rejections("secure", "plaintext_on_tls")).isEqualTo(1);
    }

    @Test
    void aTlsClientStillWorksOnTheTlsListener() throws Exception {
        try (var clients = new io.streamgate.testing.clients.KafkaClients(
                GATEWAY.gateway().bootstrapServers("secure"), ListenerTlsProperties.sslClient(CERTIFICATES))) {
            clients.producer().send(new ProducerRecord<>(topic, "over-tls")).get();
        }
    }

    private double rejections(String listener, String reason) {
        Counter counter = GATEWAY.meters().find("streamgate.connections.rejected").tag("listener", listener)
                .tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private void awaitLog(String expected) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(log.messages())
                .anySatisfy(message -> assertThat(message).contains(expected)));
    }
}
