package io.streamgate.testing.junit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamgate.core.Gateway;
import io.streamgate.core.GatewayConfig;
import io.streamgate.core.auth.GatewaySecurity;
import io.streamgate.testing.clients.KafkaClients;
import io.streamgate.testing.kafka.KafkaCluster;
import io.streamgate.testing.leak.NettyLeaks;
import io.streamgate.testing.net.FreePorts;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import static org.awaitility.Awaitility.await;

/**
 * A gateway, running in the test JVM, in front of a {@link KafkaClusterExtension}'s cluster, for one test
 * class. It binds free ports on loopback, waits until it is ready, and offers {@link #clients()} that connect
 * through it; those clients are closed after each test. After the class, the gateway is shut down and the
 * extension fails the class if Netty reported a leaked buffer while it ran.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final GatewayExtension GATEWAY = GatewayExtension.inFrontOf(KAFKA);
 *
 * @Test
 * void producesThroughTheGateway() {
 *     var producer = GATEWAY.clients().producer();
 *     ...
 * }
 * }</pre>
 */
public final class GatewayExtension implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    /** Broker ports reserved after the bootstrap port: enough for the clusters tests start. */
    private static final int MAX_BROKERS = 8;

    private final KafkaClusterExtension kafka;
    private final Function<KafkaCluster, String> upstreamBootstrap;
    private final Function<KafkaCluster, Map<String, String>> upstreamProperties;
    private final UnaryOperator<GatewayConfig> customizer;
    private final Supplier<GatewaySecurity> security;
    private Gateway gateway;
    private SimpleMeterRegistry meters;
    private KafkaClients clients;
    private long leaksBefore;

    private GatewayExtension(KafkaClusterExtension kafka, Function<KafkaCluster, String> upstreamBootstrap,
                             Function<KafkaCluster, Map<String, String>> upstreamProperties,
                             UnaryOperator<GatewayConfig> customizer, Supplier<GatewaySecurity> security) {
        this.kafka = kafka;
        this.security = security;
        this.upstreamBootstrap = upstreamBootstrap;
        this.upstreamProperties = upstreamProperties;
        this.customizer = customizer;
    }

    /** A gateway forwarding to the cluster's plaintext listener. */
    public static GatewayExtension inFrontOf(KafkaClusterExtension kafka) {
        return new GatewayExtension(kafka, KafkaCluster::bootstrapServers, cluster -> Map.of(), c -> c, () -> GatewaySecurity.NONE);
    }

    /** The same gateway, connecting to another of the cluster's listeners with the given client properties. */
    public GatewayExtension upstreamListener(Function<KafkaCluster, String> bootstrap,
                                             Function<KafkaCluster, Map<String, String>> properties) {
        return new GatewayExtension(kafka, bootstrap, properties, customizer, security);
    }

    /** The same gateway with its configuration changed, after the extension has set ports and upstream. */
    public GatewayExtension configure(UnaryOperator<GatewayConfig> change) {
        return new GatewayExtension(kafka, upstreamBootstrap, upstreamProperties,
                c -> change.apply(customizer.apply(c)), security);
    }

    /** The same gateway, authenticating clients against the service accounts and audit {@code security} gives. */
    public GatewayExtension security(Supplier<GatewaySecurity> security) {
        return new GatewayExtension(kafka, upstreamBootstrap, upstreamProperties, customizer, security);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        leaksBefore = NettyLeaks.collect();
        KafkaCluster cluster = kafka.cluster();
        int basePort = FreePorts.consecutive(1 + MAX_BROKERS);
        List<String> upstream = Arrays.asList(upstreamBootstrap.apply(cluster).split(","));
        GatewayConfig config = GatewayConfig.defaults(upstream)
                .withListener(GatewayConfig.ListenerConfig.defaults().withBootstrapPort(basePort)
                        .withMaxBrokers(MAX_BROKERS))
                .withUpstream(GatewayConfig.UpstreamConfig.defaults(upstream)
                        .withClientProperties(upstreamProperties.apply(cluster))
                        .withMetadataRefreshInterval(Duration.ofSeconds(5)))
                .withIoThreads(2);
        meters = new SimpleMeterRegistry();
        gateway = Gateway.start(customizer.apply(config), meters, security.get());
        await("gateway ready").atMost(Duration.ofSeconds(60)).until(gateway::isReady);
        clients = new KafkaClients(gateway.bootstrapServers());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (clients != null) {
            clients.close();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (gateway == null) {
            return; // it did not start: beforeAll's failure is the one to report
        }
        clients.close();
        gateway.close();
        long leaked = NettyLeaks.collect() - leaksBefore;
        if (leaked > 0) {
            throw new AssertionError(leaked + " Netty buffer leak(s) reported while " + context.getDisplayName()
                    + " ran; see the LEAK lines in the log");
        }
    }

    public Gateway gateway() {
        return gateway;
    }

    /** The gateway's meters. */
    public SimpleMeterRegistry meters() {
        return meters;
    }

    /** Clients that connect through the gateway; closed after each test. */
    public KafkaClients clients() {
        return clients;
    }

    /** {@code host:port} for clients of the gateway. */
    public String bootstrapServers() {
        return gateway.bootstrapServers();
    }
}
