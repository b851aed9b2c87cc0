package io.streamgate.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.streamgate.core.listener.ListenerRouting;
import io.streamgate.core.protocol.KafkaMessageCodec;
import io.streamgate.it.compat.ExternalTool;
import io.streamgate.testing.clients.KafkaClients;
import io.streamgate.testing.junit.GatewayExtension;
import io.streamgate.testing.junit.KafkaClusterExtension;
import io.streamgate.testing.net.FreePorts;
import io.streamgate.testing.tls.TestCertificates;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.message.MetadataRequestData;
import org.apache.kafka.common.message.MetadataResponseData;
import org.apache.kafka.common.message.RequestHeaderData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.DataInputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import static io.streamgate.it.Records.consume;
import static io.streamgate.it.Records.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * SNI routing: one TLS port for the bootstrap and every broker, the server name in the client's TLS handshake
 * choosing the broker. The real Java client resolves {@code bootstrap.gw.test} and {@code broker-N.gw.test} through
 * the hosts file {@code src/test/resources/sni-hosts}, so this class runs in its own failsafe execution
 * ({@code sni-routing}, with {@code -Djdk.net.hosts.file}, in profile {@code sni-routing-it}, active in full runs);
 * the default execution excludes it. Run it alone with
 * {@code mvn verify -pl streamgate-it -Psni-routing-it -Dit.test=None -Dit.failIfNoSpecifiedTests=false}.
 */
class SniRoutingIT {

    private static final TestCertificates CERTIFICATES = ListenerTlsProperties.generate("*.gw.test");
    private static final int SNI_PORT = FreePorts.consecutive(1);
    private static final int BEHIND_LOAD_BALANCER_PORT = FreePorts.consecutive(1);
    /** Where the "load balancer" listens: the port the lb listener advertises, not the one it binds. */
    private static final int LOAD_BALANCER_PORT = FreePorts.consecutive(1);

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = ItCluster.KAFKA;

    @RegisterExtension
    static final GatewayExtension GATEWAY = GatewayExtension.inFrontOf(KAFKA).configure(config -> config
            .withListeners(List.of(config.listener(),
                    config.listener().withName("sni").withBootstrapPort(SNI_PORT)
                            .withSecurityProtocol(SecurityProtocol.SSL)
                            .withTls(ListenerTlsProperties.pkcs12Server(CERTIFICATES))
                            .withRouting(new ListenerRouting.Sni("bootstrap.gw.test", "broker-{nodeId}.gw.test", 0)),
                    config.listener().withName("lb").withBootstrapPort(BEHIND_LOAD_BALANCER_PORT)
                            .withSecurityProtocol(SecurityProtocol.SSL)
                            .withTls(ListenerTlsProperties.pkcs12Server(CERTIFICATES))
                            .withRouting(new ListenerRouting.Sni("bootstrap.gw.test", "broker-{nodeId}.gw.test",
                                    LOAD_BALANCER_PORT)))));

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeAll
    static void theHostsFileIsInUse() throws Exception {
        assertThat(InetAddress.getByName("broker-1.gw.test").isLoopbackAddress())
                .as("run in the sni-routing failsafe execution, with -Djdk.net.hosts.file=src/test/resources/sni-hosts")
                .isTrue();
    }

    @AfterEach
    void closeClients() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
    }

    @Test
    void producesAndConsumesWithEveryBrokerReachedByItsServerName() throws Exception {
        assertThat(GATEWAY.gateway().bootstrapServers("sni")).isEqualTo("bootstrap.gw.test:" + SNI_PORT);
        KafkaClients clients = new KafkaClients(GATEWAY.gateway().bootstrapServers("sni"),
                ListenerTlsProperties.sslClient(CERTIFICATES));
        toClose.add(clients);

        Collection<Node> nodes = clients.admin().describeCluster().nodes().get();
        assertThat(nodes).hasSize(3).allSatisfy(node -> {
            assertThat(node.host()).isEqualTo("broker-" + node.id() + ".gw.test");
            assertThat(node.port()).isEqualTo(SNI_PORT);
        });
        assertThat(GATEWAY.gateway().brokerPorts("sni")).isEmpty();

        String topic = unique("sni");
        Records.createTopic(clients.admin(), topic, 3);
        KafkaProducer<String, String> producer = clients.producer();
        for (int i = 0; i < 30; i++) {
            producer.send(new ProducerRecord<>(topic, "k" + i, "sni-" + i)).get();
        }
        KafkaConsumer<String, String> consumer = clients.consumer(unique("group"));
        consumer.subscribe(List.of(topic));
        List<ConsumerRecord<String, String>> received = consume(consumer, 30, Duration.ofSeconds(30));

        assertThat(received).hasSize(30);
    }

    /** kafkajs, connecting every socket to loopback while asking for each broker's own name (SNI). */
    @Test
    void kafkajsProducesAndConsumesThroughSniRouting() throws Exception {
        Path kafkajs = Path.of("src", "test", "kafkajs").toAbsolutePath();
        ExternalTool.require(ExternalTool.onPath("node") && Files.isDirectory(kafkajs.resolve("node_modules/kafkajs")),
                "node with kafkajs", "npm ci --prefix streamgate-it/src/test/kafkajs");
        String security = new ObjectMapper().writeValueAsString(Map.of(
                "ssl", Map.of("ca", CERTIFICATES.caPem().toString()), "connectTo", "127.0.0.1"));

        ExternalTool.Result result = ExternalTool.run(List.of("node", "compat.js",
                        GATEWAY.gateway().bootstrapServers("sni"), unique("sni-kafkajs"), unique("sni-kafkajs-group"),
                        "50"), kafkajs, Map.of("STREAMGATE_COMPAT_SECURITY", security), "", Duration.ofSeconds(120));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode summary = new ObjectMapper().readTree(result.stdout().lines().reduce((a, b) -> b).orElseThrow());
        assertThat(summary.get("received").asInt()).isEqualTo(50);
        List<String> brokers = new ArrayList<>();
        summary.get("brokers").forEach(broker -> brokers.add(broker.asText()));
        assertThat(brokers).containsExactlyInAnyOrder("broker-1.gw.test:" + SNI_PORT, "broker-2.gw.test:" + SNI_PORT,
                "broker-3.gw.test:" + SNI_PORT);
    }

    @Test
    void advertisesTheLoadBalancersPortRatherThanTheBoundOne() throws Exception {
        assertThat(GATEWAY.gateway().bootstrapServers("lb")).isEqualTo("bootstrap.gw.test:" + LOAD_BALANCER_PORT);

        MetadataResponseData metadata;
        try (SSLSocket socket = handshake(BEHIND_LOAD_BALANCER_PORT, "bootstrap.gw.test")) {
            metadata = metadata(socket);
        }

        assertThat(metadata.brokers()).hasSize(3).allSatisfy(broker -> {
            assertThat(broker.host()).isEqualTo("broker-" + broker.nodeId() + ".gw.test");
            assertThat(broker.port()).isEqualTo(LOAD_BALANCER_PORT);
        });
    }

    @Test
    void producesAndConsumesThroughALoadBalancerOnAnotherPort() throws Exception {
        try (TcpRelay loadBalancer = new TcpRelay(LOAD_BALANCER_PORT, BEHIND_LOAD_BALANCER_PORT)) {
            KafkaClients clients = new KafkaClients(GATEWAY.gateway().bootstrapServers("lb"),
                    ListenerTlsProperties.sslClient(CERTIFICATES));
            toClose.add(clients);
            String topic = unique("behind-lb");
            Records.createTopic(clients.admin(), topic, 3);
            KafkaProducer<String, String> producer = clients.producer();
            for (int i = 0; i < 30; i++) {
                producer.send(new ProducerRecord<>(topic, "k" + i, "lb-" + i)).get();
            }
            KafkaConsumer<String, String> consumer = clients.consumer(unique("group"));
            consumer.subscribe(List.of(topic));

            assertThat(consume(consumer, 30, Duration.ofSeconds(30))).hasSize(30);
            clients.close();
        }
    }

    @Test
    void refusesAServerNameThatIsNotTheListeners() throws Exception {
        try (LogCapture log = new LogCapture(Class.forName("io.streamgate.core.listener.SniRouter"))) {
            assertThatThrownBy(() -> handshake(SNI_PORT, "unknown.gw.test").close())
                    .isInstanceOf(SSLException.class);

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(log.messages()).anySatisfy(
                    message -> assertThat(message).contains("asked SNI listener sni for server name 'unknown.gw.test'")
                            .contains("closing the connection")));
        }
        Counter rejected = GATEWAY.meters().find("streamgate.connections.rejected").tag("listener", "sni")
                .tag("reason", "unknown_server_name").counter();
        assertThat(rejected).isNotNull();
        assertThat(rejected.count()).isGreaterThanOrEqualTo(1);
    }

    private static SSLSocket handshake(int port, String serverName) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", CERTIFICATES.caCertificate());
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustManagers.getTrustManagers(), null);
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setServerNames(List.of(new SNIHostName(serverName)));
        socket.setSSLParameters(parameters);
        try {
            socket.startHandshake();
        } catch (Exception e) {
            socket.close();
            throw e;
        }
        return socket;
    }

    private static MetadataResponseData metadata(SSLSocket socket) throws Exception {
        short version = 12;
        ByteBuf request = KafkaMessageCodec.encodeRequest(UnpooledByteBufAllocator.DEFAULT,
                new RequestHeaderData().setRequestApiKey(ApiKeys.METADATA.id).setRequestApiVersion(version)
                        .setCorrelationId(7).setClientId("sni-test"),
                new MetadataRequestData().setTopics(List.of()));
        byte[] bytes = new byte[request.readableBytes()];
        request.readBytes(bytes);
        request.release();
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
        DataInputStream in = new DataInputStream(socket.getInputStream());
        int length = in.readInt();
        byte[] frame = new byte[4 + length];
        in.readFully(frame, 4, length);
        ByteBuf response = Unpooled.wrappedBuffer(frame);
        response.setInt(0, length);
        try {
            return (MetadataResponseData) KafkaMessageCodec.decodeResponse(response, ApiKeys.METADATA, version).body();
        } finally {
            response.release();
        }
    }
}
