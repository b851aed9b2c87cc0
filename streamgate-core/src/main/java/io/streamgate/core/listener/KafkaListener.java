package io.streamgate.core.listener;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.streamgate.core.GatewayConfig;
import io.streamgate.core.address.BrokerPortMapping;
import io.streamgate.core.address.HostPort;
import io.streamgate.core.proxy.ProxyServices;
import io.streamgate.core.upstream.UpstreamTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A listener with port routing: the bootstrap port, bound at start, and one port per broker,
 * bound the first time the broker is seen and closed when it leaves the cluster. Connections accepted on a
 * broker's port are forwarded to that broker. Clients are told {@code advertisedHost} and the broker's port.
 */
public final class KafkaListener implements ClientListener {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaListener.class);

    private final GatewayConfig.ListenerConfig config;
    private final String bindAddress;
    private final ClientPipeline pipeline;
    private final BrokerPortMapping portMapping;
    private final EventLoopGroup acceptors;
    private final EventLoopGroup workers;
    private final Transport transport;
    private final Map<Integer, BrokerPort> brokerPorts = new ConcurrentHashMap<>();
    private volatile Channel bootstrapChannel;
    private volatile InetSocketAddress bootstrapAddress;

    KafkaListener(ClientPipeline pipeline, Transport transport, EventLoopGroup acceptors, EventLoopGroup workers) {
        this.config = pipeline.config();
        this.bindAddress = config.bindAddress();
        this.pipeline = pipeline;
        this.portMapping = new BrokerPortMapping(config.effectiveBrokerPortBase(), config.minNodeId(),
                config.maxBrokers());
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
        bootstrapChannel = serverBootstrap(UpstreamTarget.ANY_BROKER).bind(bindAddress, config.bootstrapPort()).sync()
                .channel();
        bootstrapAddress = (InetSocketAddress) bootstrapChannel.localAddress();
        return bootstrapAddress;
    }

    @Override
    public InetSocketAddress bootstrapAddress() {
        return bootstrapAddress;
    }

    @Override
    public HostPort advertisedBootstrap() {
        return new HostPort(config.advertisedHost(), bootstrapAddress().getPort());
    }

    @Override
    public String advertisedHost(int nodeId) {
        return config.advertisedHost();
    }

    @Override
    public void brokerLeft(int nodeId) {
        closeBrokerPort(nodeId);
    }

    @Override
    public void anchor(Collection<Integer> nodeIds) {
        portMapping.anchor(nodeIds);
    }

    @Override
    public OptionalInt portFor(int nodeId) {
        return portMapping.portFor(nodeId);
    }

    @Override
    public CompletionStage<Void> ensureListening(int nodeId) {
        OptionalInt port = portMapping.portFor(nodeId);
        if (port.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalStateException("broker " + nodeId + " has no port"));
        }
        return brokerPorts.computeIfAbsent(nodeId, id -> bind(id, port.getAsInt())).listening;
    }

    private BrokerPort bind(int nodeId, int port) {
        BrokerPort brokerPort = new BrokerPort(port);
        serverBootstrap(new UpstreamTarget.Broker(nodeId)).bind(bindAddress, port).addListener(f -> {
            io.netty.channel.ChannelFuture bound = (io.netty.channel.ChannelFuture) f;
            if (f.isSuccess()) {
                brokerPort.channel = bound.channel();
                LOG.info("Broker {} is reachable through port {} of listener {}", nodeId, port, config.name());
                brokerPort.listening.complete(null);
            } else {
                LOG.error("Cannot open port {} for broker {}: {}; clients cannot reach that broker", port, nodeId,
                        f.cause().toString());
                brokerPorts.remove(nodeId, brokerPort); // try again the next time the broker is seen
                brokerPort.listening.completeExceptionally(f.cause());
            }
        });
        return brokerPort;
    }

    /** Stops listening for a broker that left the cluster; its open connections end with its own. */
    private void closeBrokerPort(int nodeId) {
        BrokerPort brokerPort = brokerPorts.remove(nodeId);
        if (brokerPort != null) {
            brokerPort.listening.thenRun(() -> brokerPort.channel.close());
        }
    }

    @Override
    public Map<Integer, Integer> boundBrokerPorts() {
        Map<Integer, Integer> bound = new TreeMap<>();
        brokerPorts.forEach((nodeId, brokerPort) -> {
            if (brokerPort.channel != null) {
                bound.put(nodeId, brokerPort.port);
            }
        });
        return bound;
    }

    @Override
    public void close() {
        Channel channel = bootstrapChannel;
        if (channel != null) {
            channel.close().syncUninterruptibly();
        }
        for (BrokerPort brokerPort : brokerPorts.values()) {
            if (brokerPort.channel != null) {
                brokerPort.channel.close().syncUninterruptibly();
            }
        }
        brokerPorts.clear();
    }

    private ServerBootstrap serverBootstrap(UpstreamTarget target) {
        return transport.serverBootstrap(acceptors, workers)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        pipeline.initialise(channel, target);
                    }
                });
    }

    /** A broker's port: bound, or being bound. */
    private static final class BrokerPort {
        final int port;
        final CompletableFuture<Void> listening = new CompletableFuture<>();
        volatile Channel channel;

        BrokerPort(int port) {
            this.port = port;
        }
    }
}
