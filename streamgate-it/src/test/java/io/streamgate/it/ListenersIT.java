package io.streamgate.it;

import io.streamgate.testing.clients.KafkaClients;
import io.streamgate.testing.junit.GatewayExtension;
import io.streamgate.testing.junit.KafkaClusterExtension;
import io.streamgate.testing.net.FreePorts;
import io.streamgate.testing.tls.TestCertificates;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import static io.streamgate.it.Records.consume;
import static io.streamgate.it.Records.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One gateway with two listeners at once, an internal plaintext one and an external TLS one, each with its own
 * ports and advertised host: a client of either is told only the addresses of the listener it uses.
 */
class ListenersIT {

    private static final int MAX_BROKERS = 8;
    private static final TestCertificates CERTIFICATES = ListenerTlsProperties.generate();
    private static final int EXTERNAL_PORT = FreePorts.consecutive(1 + MAX_BROKERS);

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = ItCluster.KAFKA;

    @RegisterExtension
    static final GatewayExtension GATEWAY = GatewayExtension.inFrontOf(KAFKA).configure(config -> config
            .withListeners(List.of(config.listener().withName("internal"), config.listener().withName("external")
                    .withBootstrapPort(EXTERNAL_PORT).withAdvertisedHost("127.0.0.1")
                    .withSecurityProtocol(SecurityProtocol.SSL)
                    .withTls(ListenerTlsProperties.pkcs12Server(CERTIFICATES)))));

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeClients() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
    }

    @Test
    void eachListenerAdvertisesItsOwnHostAndPorts() throws Exception {
        int internalPort = GATEWAY.gateway().bootstrapAddress("internal").getPort();
        assertThat(GATEWAY.gateway().bootstrapServers()).isEqualTo("localhost:" + internalPort);
        assertThat(GATEWAY.gateway().bootstrapServers("external")).isEqualTo("127.0.0.1:" + EXTERNAL_PORT);

        Collection<Node> internalNodes = GATEWAY.clients().admin().describeCluster().nodes().get();
        Collection<Node> externalNodes = external().admin().describeCluster().nodes().get();

        assertThat(internalNodes).hasSize(3).allSatisfy(node -> {
            assertThat(node.host()).isEqualTo("localhost");
            assertThat(node.port()).isBetween(internalPort + 1, internalPort + MAX_BROKERS);
        });
        assertThat(externalNodes).hasSize(3).allSatisfy(node -> {
            assertThat(node.host()).isEqualTo("127.0.0.1");
            assertThat(node.port()).isBetween(EXTERNAL_PORT + 1, EXTERNAL_PORT + MAX_BROKERS);
        });
        // The same deterministic rule on both listeners: broker n at base + (n - lowest node id).
        int lowest = internalNodes.stream().mapToInt(Node::id).min().orElseThrow();
        assertThat(externalNodes).allSatisfy(node ->
                assertThat(node.port()).isEqualTo(EXTERNAL_PORT + 1 + node.id() - lowest));
        assertThat(GATEWAY.gateway().brokerPorts("external")).containsValues(
                externalNodes.stream().map(Node::port).toArray(Integer[]::new));
    }

    @Test
    void producesThroughTheTlsListenerAndConsumesThroughThePlaintextOne() throws Exception {
        String topic = unique("two-listeners");
        Records.createTopic(GATEWAY.clients().admin(), topic, 3);
        KafkaProducer<String, String> producer = external().producer();
        for (int i = 0; i < 20; i++) {
            producer.send(new ProducerRecord<>(topic, "k" + i, "over-tls-" + i)).get();
        }
        KafkaConsumer<String, String> consumer = GATEWAY.clients().consumer(unique("group"));
        consumer.subscribe(List.of(topic));
        List<ConsumerRecord<String, String>> received = consume(consumer, 20, Duration.ofSeconds(30));

        assertThat(received).extracting(ConsumerRecord::value).contains("over-tls-0", "over-tls-19").hasSize(20);
    }

    @Test
    void aPlaintextClientCannotUseTheTlsListener() throws Exception {
        KafkaClients plaintext = new KafkaClients(GATEWAY.gateway().bootstrapServers("external"));
        toClose.add(plaintext);
        Admin admin = plaintext.admin(java.util.Map.of("default.api.timeout.ms", 3000, "request.timeout.ms", 2000));

        assertThat(admin.describeCluster().nodes()).failsWithin(Duration.ofSeconds(20));
    }

    private KafkaClients external() {
        KafkaClients clients = new KafkaClients(GATEWAY.gateway().bootstrapServers("external"),
                ListenerTlsProperties.sslClient(CERTIFICATES));
        toClose.add(clients);
        return clients;
    }
}
