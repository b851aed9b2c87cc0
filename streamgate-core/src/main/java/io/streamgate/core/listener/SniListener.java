package io.streamgate.core.listener;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.streamgate.core.GatewayConfig;
import io.streamgate.core.address.HostPort;
import io.streamgate.core.proxy.ProxyServices;

import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A listener with SNI routing: one TLS port for the bootstrap and every broker. The server name the client asks for
 * in its TLS handshake names the target ({@link SniHostNames}); clients are told each broker as its own host name
 * (the broker host pattern with the node id) and the listener's advertised port, which may differ from the bound
 * one when a load balancer forwards, say, port 443 to it. Every broker is reachable as soon as it is known: there is
 * no port to open.
 */
public final class SniListener implements ClientListener {

    private static final long CLIENT_HELLO_TIMEOUT_MILLIS = 10_000;
    private static final CompletableFuture<Void> LISTENING = CompletableFuture.completedFuture(null);

    private final GatewayConfig.ListenerConfig config;
    private final ClientPipeline pipeline;
    private final ListenerRouting.Sni routing;
    private final SniHostNames hostNames;
    private final Transport transport;
    private final EventLoopGroup acceptors;
    private final EventLoopGroup workers;
    private volatile Channel channel;
    private volatile InetSocketAddress boundAddress;

    SniListener(ClientPipeline pipeline, Transport transport, EventLoopGroup acceptors, EventLoopGroup workers) {
        this.config = pipeline.config();
        this.pipeline = pipeline;
        this.routing = (ListenerRouting.Sni) config.routing();
        this.hostNames = new SniHostNames(routing);
        this.transport = transport;
        this.acceptors = acceptors;
        this.workers = workers;
    }

    @Override
    public GatewayConfig.ListenerConfig config() {
        return config;
    }

    @Override
    public InetSocketAddress bind(ProxyServices services) throws InterruptedException {
        pipeline.services(services);
        channel = transport.serverBootstrap(acceptors, workers)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel client) {
                        client.pipeline().addLast(ProtocolMismatchDetector.NAME,
                                new ProtocolMismatchDetector(config.name(), true, pipeline.metrics()));
                        client.pipeline().addLast(SniRouter.NAME,
                                new SniRouter(pipeline, hostNames, CLIENT_HELLO_TIMEOUT_MILLIS));
                    }
                })
                .bind(config.bindAddress(), config.bootstrapPort()).sync().channel();
        boundAddress = (InetSocketAddress) channel.localAddress();
        return boundAddress;
    }

    @Override
    public InetSocketAddress bootstrapAddress() {
        return boundAddress;
    }

    /** The port clients are told: the configured advertised port, or the bound one. */
    private int advertisedPort() {
        return routing.advertisedPort() != 0 ? routing.advertisedPort() : boundAddress.getPort();
    }

    @Override
    public HostPort advertisedBootstrap() {
        return new HostPort(hostNames.bootstrapHost(), advertisedPort());
    }

    @Override
    public String advertisedHost(int nodeId) {
        return hostNames.brokerHost(nodeId);
    }

    @Override
    public void anchor(Collection<Integer> nodeIds) {
        // Every broker shares the one port: there is no numbering to fix.
    }

    @Override
    public OptionalInt portFor(int nodeId) {
        return nodeId < 0 ? OptionalInt.empty() : OptionalInt.of(advertisedPort());
    }

    @Override
    public CompletionStage<Void> ensureListening(int nodeId) {
        return LISTENING;
    }

    @Override
    public Map<Integer, Integer> boundBrokerPorts() {
        return Map.of();
    }

    @Override
    public void brokerLeft(int nodeId) {
        // Nothing to close: connections to the broker end with the broker's own.
    }

    @Override
    public void close() {
        Channel bound = channel;
        if (bound != null) {
            bound.close().syncUninterruptibly();
        }
    }
}
