package io.streamgate.bench.micro;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelPipeline;
import io.streamgate.api.PluginContext;
import io.streamgate.api.Scope;
import io.streamgate.core.GatewayConfig;
import io.streamgate.core.auth.GatewaySecurity;
import io.streamgate.core.address.BrokerAddressRewriter;
import io.streamgate.core.address.BrokerPortMapping;
import io.streamgate.core.address.ClusterTopology;
import io.streamgate.core.address.HostPort;
import io.streamgate.core.chain.InterceptorDefinition;
import io.streamgate.core.chain.InterceptorRegistry;
import io.streamgate.core.chain.PluginCatalog;
import io.streamgate.core.frame.KafkaFrameDecoder;
import io.streamgate.core.frame.RequestFrames;
import io.streamgate.core.frame.ResponseFrames;
import io.streamgate.core.metrics.GatewayMetrics;
import io.streamgate.core.proxy.ProxyConnection;
import io.streamgate.core.proxy.ProxyServices;
import io.streamgate.core.upstream.UpstreamClientConfig;
import io.streamgate.core.upstream.UpstreamConnector;
import io.streamgate.core.upstream.UpstreamRoutes;
import io.streamgate.core.upstream.UpstreamTarget;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A real {@link ProxyConnection}, with its real services (interceptor registry and chain, response processing,
 * address rewriting, metrics on a Prometheus registry as the application uses), whose client and broker sides are
 * {@linkplain InlineChannel socketless channels} on one {@link InlineEventLoop}. The client pipeline is the
 * listener's (request frame decoder, then the proxy); the upstream one is built by the real
 * {@link UpstreamConnector}. Only the sockets are missing, so a benchmark thread drives whole request and response
 * paths synchronously, without I/O or thread hand-offs in the measurement.
 *
 * <p>Frames given to {@link #clientSends} and {@link #brokerAnswers} are retained and rewound, not copied, so one
 * frame serves every invocation; the proxy patches correlation ids into it, as it does into the bytes it reads.
 */
final class EmbeddedProxy implements AutoCloseable {

    private static final String BROKER = "127.0.0.1:9092";

    private final InlineEventLoop loop = new InlineEventLoop();
    private final InterceptorRegistry interceptors;
    private final UpstreamConnector connector;
    private final InlineChannel client;
    private final InlineChannel upstream;

    /** @param forwardingInterceptors how many interceptors with a Produce hook that forwards at once to install */
    EmbeddedProxy(int forwardingInterceptors) {
        this(PluginCatalog.of(new ForwardingInterceptorPlugin()), forwardingDefinitions(forwardingInterceptors));
    }

    /** A proxy whose chain holds {@code definitions}, of plugins from {@code catalog}. */
    EmbeddedProxy(PluginCatalog catalog, List<InterceptorDefinition> definitions) {
        ClusterTopology topology = new ClusterTopology();
        UpstreamClientConfig clientConfig = UpstreamClientConfig.of(
                GatewayConfig.UpstreamConfig.defaults(List.of(BROKER)));
        connector = new UpstreamConnector(clientConfig, Duration.ofSeconds(10), InlineChannel.class);
        interceptors = new InterceptorRegistry(catalog, pluginContext(), Map.of(), Duration.ZERO);
        interceptors.replaceAll(definitions);
        BrokerAddressRewriter rewriter = new BrokerAddressRewriter("gateway.example.com", topology,
                new SteadyBrokerPorts(new BrokerPortMapping(19_092, OptionalInt.empty(), 256)));
        ProxyServices services = new ProxyServices(
                new UpstreamRoutes(List.of(HostPort.parse(BROKER)), topology, null), connector, rewriter,
                interceptors, new GatewayMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)), true,
                GatewaySecurity.NONE);

        client = new InlineChannel(true);
        client.pipeline().addLast("frames", KafkaFrameDecoder.forRequests(100 * 1024 * 1024));
        client.pipeline().addLast("proxy", new ProxyConnection(services, GatewayConfig.ListenerConfig.defaults(),
                UpstreamTarget.ANY_BROKER));
        ChannelFuture registered = loop.register(client);
        loop.runTasks(); // the proxy connects upstream through the connector, on this loop
        if (!registered.isSuccess() || loop.registered() == client
                || !(loop.registered() instanceof InlineChannel broker) || !broker.isActive()) {
            throw new IllegalStateException("the proxy did not connect upstream", registered.cause());
        }
        upstream = broker;
    }

    private static List<InterceptorDefinition> forwardingDefinitions(int count) {
        List<InterceptorDefinition> definitions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            definitions.add(new InterceptorDefinition("forward-" + i, ForwardingInterceptorPlugin.ID, 10 * (i + 1),
                    Scope.GLOBAL, Map.of(), null));
        }
        return definitions;
    }

    private static PluginContext pluginContext() {
        return new PluginContext() {
            @Override
            public Map<String, Object> upstreamClientProperties() {
                return new HashMap<>(Map.of("bootstrap.servers", BROKER));
            }

            @Override
            public String gatewayHost() {
                return "gateway.example.com";
            }

            @Override
            public Path dataDirectory() {
                return Path.of(System.getProperty("java.io.tmpdir"));
            }
        };
    }

    /** The client sends {@code frame}, read whole in one socket read. */
    void clientSends(ByteBuf frame) {
        fireRead(client.pipeline(), frame);
    }

    /** What the proxy wrote to the broker, oldest first; null if nothing. The caller releases it. */
    ByteBuf brokerReceives() {
        return upstream.readWritten();
    }

    /** The broker answers with {@code frame}, carrying {@code correlationId} (the proxy's number for the request). */
    void brokerAnswers(ByteBuf frame, int correlationId) {
        ResponseFrames.setCorrelationId(frame.readerIndex(0), correlationId);
        fireRead(upstream.pipeline(), frame);
    }

    /** What the proxy wrote to the client, oldest first; null if nothing. The caller releases it. */
    ByteBuf clientReceives() {
        return client.readWritten();
    }

    /** A whole exchange: the client's request through to the broker, the broker's response back to the client. */
    ByteBuf roundTrip(ByteBuf request, ByteBuf response) {
        clientSends(request);
        ByteBuf forwarded = brokerReceives();
        int correlationId = RequestFrames.correlationId(forwarded);
        forwarded.release();
        brokerAnswers(response, correlationId);
        return clientReceives();
    }

    private void fireRead(ChannelPipeline pipeline, ByteBuf frame) {
        pipeline.fireChannelRead(frame.retain().readerIndex(0));
        pipeline.fireChannelReadComplete();
        loop.runTasks();
    }

    @Override
    public void close() {
        client.close();
        loop.runTasks();
        client.releaseWritten();
        upstream.releaseWritten();
        interceptors.close();
        connector.close();
    }
}
