package io.streamgate.core.listener;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslHandler;
import io.streamgate.core.GatewayConfig;
import io.streamgate.core.address.BrokerPortMapping;
import io.streamgate.core.address.BrokerPorts;
import io.streamgate.core.frame.KafkaFrameDecoder;
import io.streamgate.core.proxy.ProxyConnection;
import io.streamgate.core.proxy.ProxyServices;
import io.streamgate.core.upstream.UpstreamConnector;
import io.streamgate.core.upstream.UpstreamTarget;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.internals.BrokerSecurityConfigs;
import org.apache.kafka.common.network.ConnectionMode;
import org.apache.kafka.common.security.ssl.SslFactory;
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
 * The client-facing ports of one listener: the bootstrap port, bound at start, and one port per broker,
 * bound the first time the broker is seen and closed when it leaves the cluster. Connections accepted on a
 * broker's port are forwarded to that broker.
 */
public final class KafkaListener implements BrokerPorts, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaListener.class);

    private final GatewayConfig.ListenerConfig config;
    private final String bindAddress;
    private final int maxRequestFrameBytes;
    private final BrokerPortMapping portMapping;
    private final EventLoopGroup acceptors;
    private final EventLoopGroup workers;
    private final Transport transport;
    /** The server side of TLS, for SSL and SASL_SSL listeners; null otherwise. */
    private final SslFactory tls;
    private final Map<Integer, BrokerPort> brokerPorts = new ConcurrentHashMap<>();
    private ProxyServices services;
    private Channel bootstrapChannel;

    public KafkaListener(GatewayConfig.ListenerConfig config, int maxRequestFrameBytes, BrokerPortMapping portMapping,
                         Transport transport, EventLoopGroup acceptors, EventLoopGroup workers) {
        this.config = config;
        this.bindAddress = config.bindAddress();
        this.maxRequestFrameBytes = maxRequestFrameBytes;
        this.portMapping = portMapping;
        this.transport = transport;
        this.acceptors = acceptors;
        this.workers = workers;
        this.tls = config.usesTls() ? serverTls(config.tls()) : null;
    }

    /**
     * Kafka's own server-side TLS from the listener's {@code ssl.*} broker properties, parsed with Kafka's definitions
     * (so passwords are Kafka's {@code Password} values), plus {@code ssl.client.auth} for client certificates.
     * A minimal version: the listeners work (certificate reload, SNI) replaces it.
     */
    private static SslFactory serverTls(Map<String, String> properties) {
        ConfigDef definitions = new ConfigDef().withClientSslSupport()
                .define(BrokerSecurityConfigs.SSL_CLIENT_AUTH_CONFIG, ConfigDef.Type.STRING, "none",
                        ConfigDef.Importance.MEDIUM, "none, requested or required");
        Map<String, String> known = new java.util.HashMap<>(properties);
        known.keySet().retainAll(definitions.configKeys().keySet());
        SslFactory factory = new SslFactory(ConnectionMode.SERVER);
        factory.configure(definitions.parse(known));
        return factory;
    }

    /** Binds the bootstrap port; blocks until bound. */
    public InetSocketAddress bindBootstrap(int port, ProxyServices services) throws InterruptedException {
        this.services = services;
        bootstrapChannel = serverBootstrap(UpstreamTarget.ANY_BROKER).bind(bindAddress, port).sync().channel();
        return (InetSocketAddress) bootstrapChannel.localAddress();
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
                LOG.info("Broker {} is reachable through port {}", nodeId, port);
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
    public void closeBrokerPort(int nodeId) {
        BrokerPort brokerPort = brokerPorts.remove(nodeId);
        if (brokerPort != null) {
            brokerPort.listening.thenRun(() -> brokerPort.channel.close());
        }
    }

    /** Node id to port, for every broker port bound now. */
    public Map<Integer, Integer> boundBrokerPorts() {
        Map<Integer, Integer> bound = new TreeMap<>();
        brokerPorts.forEach((nodeId, brokerPort) -> {
            if (brokerPort.channel != null) {
                bound.put(nodeId, brokerPort.port);
            }
        });
        return bound;
    }

    /** Stops accepting connections on every port. Open connections are not touched. */
    @Override
    public void close() {
        if (bootstrapChannel != null) {
            bootstrapChannel.close().syncUninterruptibly();
        }
        for (BrokerPort brokerPort : brokerPorts.values()) {
            if (brokerPort.channel != null) {
                brokerPort.channel.close().syncUninterruptibly();
            }
        }
        brokerPorts.clear();
        if (tls != null) {
            tls.close();
        }
    }

    private ServerBootstrap serverBootstrap(UpstreamTarget target) {
        return new ServerBootstrap()
                .group(acceptors, workers)
                .channel(transport.serverChannelType())
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, UpstreamConnector.WATER_MARK)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        if (tls != null) {
                            InetSocketAddress peer = (InetSocketAddress) channel.remoteAddress();
                            channel.pipeline().addLast("tls", new SslHandler(tls.createSslEngine(
                                    peer.getHostString(), peer.getPort())));
                        }
                        channel.pipeline().addLast("frames", KafkaFrameDecoder.forRequests(maxRequestFrameBytes));
                        channel.pipeline().addLast("proxy", new ProxyConnection(services, config, target));
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
