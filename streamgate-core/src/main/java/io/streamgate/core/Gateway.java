package io.streamgate.core;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.EventLoopGroup;
import io.streamgate.core.address.BrokerAddressRewriter;
import io.streamgate.core.address.BrokerPortMapping;
import io.streamgate.core.address.ClusterTopology;
import io.streamgate.core.address.HostPort;
import io.streamgate.core.auth.AuthenticationMode;
import io.streamgate.core.auth.GatewaySecurity;
import io.streamgate.core.chain.InterceptorRegistry;
import io.streamgate.core.chain.PluginCatalog;
import io.streamgate.core.listener.KafkaListener;
import io.streamgate.core.listener.Transport;
import io.streamgate.core.metrics.GatewayMetrics;
import io.streamgate.core.proxy.ProxyConnection;
import io.streamgate.core.proxy.ProxyServices;
import io.streamgate.core.upstream.UpstreamClientConfig;
import io.streamgate.core.upstream.UpstreamClusterWatcher;
import io.streamgate.core.upstream.UpstreamConnector;
import io.streamgate.core.upstream.UpstreamRoutes;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A running gateway: a Kafka listener (bootstrap port plus one port per broker) in front of one upstream
 * cluster. Created by {@link #start}; {@link #close} shuts it down gracefully.
 */
public final class Gateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
    private static final long DRAIN_POLL_MILLIS = 20;
    /** Long enough for any request that started with a replaced interceptor to finish with it. */
    private static final Duration INTERCEPTOR_CLOSE_GRACE = Duration.ofSeconds(60);

    private final GatewayConfig config;
    private final EventLoopGroup acceptors;
    private final EventLoopGroup workers;
    private final KafkaListener listener;
    private final UpstreamConnector connector;
    private final UpstreamClusterWatcher watcher;
    private final ProxyServices services;
    private final InterceptorRegistry interceptors;
    private final InetSocketAddress bootstrapAddress;
    private boolean closed;

    private Gateway(GatewayConfig config, EventLoopGroup acceptors, EventLoopGroup workers, KafkaListener listener,
                    UpstreamConnector connector, UpstreamClusterWatcher watcher, ProxyServices services,
                    InterceptorRegistry interceptors, InetSocketAddress bootstrapAddress) {
        this.config = config;
        this.acceptors = acceptors;
        this.workers = workers;
        this.listener = listener;
        this.connector = connector;
        this.watcher = watcher;
        this.services = services;
        this.interceptors = interceptors;
        this.bootstrapAddress = bootstrapAddress;
    }

    /**
     * Binds the bootstrap port and starts watching the upstream cluster. Returns as soon as the bootstrap
     * port is bound, whether or not the upstream cluster is reachable yet: see {@link #isReady()}.
     *
     * @throws GatewayStartException if a port cannot be bound or the configuration is unusable
     */
    public static Gateway start(GatewayConfig config, MeterRegistry meterRegistry) {
        return start(config, meterRegistry, GatewaySecurity.NONE);
    }

    /**
     * As {@link #start(GatewayConfig, MeterRegistry)}, authenticating clients against {@code security}'s service
     * accounts and recording attempts in its audit.
     */
    public static Gateway start(GatewayConfig config, MeterRegistry meterRegistry, GatewaySecurity security) {
        UpstreamClientConfig clientConfig;
        List<HostPort> bootstrapServers;
        try {
            clientConfig = UpstreamClientConfig.of(config.upstream());
            bootstrapServers = config.upstream().bootstrapServers().stream().map(HostPort::parse).toList();
        } catch (ConfigException | IllegalArgumentException e) {
            throw new GatewayStartException("invalid upstream configuration: " + e.getMessage(), e);
        }
        UpstreamConnector connector;
        Transport transport = Transport.best();
        try {
            connector = new UpstreamConnector(clientConfig, config.upstream().connectTimeout(),
                    transport.channelType());
        } catch (RuntimeException e) {
            throw new GatewayStartException("invalid upstream security configuration: " + e.getMessage(), e);
        }

        GatewayConfig.ListenerConfig listenerConfig = config.listener();
        EventLoopGroup acceptors = transport.newEventLoopGroup(1, "streamgate-accept");
        EventLoopGroup workers = transport.newEventLoopGroup(config.ioThreads(), "streamgate-io");
        BrokerPortMapping portMapping = new BrokerPortMapping(listenerConfig.effectiveBrokerPortBase(),
                listenerConfig.minNodeId(), listenerConfig.maxBrokers());
        KafkaListener listener = new KafkaListener(listenerConfig, config.maxRequestFrameBytes(),
                portMapping, transport, acceptors, workers);
        ClusterTopology topology = new ClusterTopology();
        UpstreamClusterWatcher watcher = new UpstreamClusterWatcher(clientConfig, topology, listener,
                listener::closeBrokerPort, config.upstream().metadataRefreshInterval(),
                config.upstream().brokerRemovalDelay(), config.upstream().connectTimeout());
        topology.onNewBroker(nodeId -> {
            if (listener.portFor(nodeId).isPresent()) {
                listener.ensureListening(nodeId);
            }
        });
        InterceptorRegistry interceptors = new InterceptorRegistry(
                PluginCatalog.discover(Gateway.class.getClassLoader(), config.plugins().directory()),
                new GatewayPluginContext(clientConfig, listenerConfig.advertisedHost(), config.plugins().dataDirectory()),
                System.getenv(), INTERCEPTOR_CLOSE_GRACE);
        ProxyServices services = new ProxyServices(new UpstreamRoutes(bootstrapServers, topology, watcher), connector,
                new BrokerAddressRewriter(listenerConfig.advertisedHost(), topology, listener), interceptors,
                new GatewayMetrics(meterRegistry), config.streamFetchResponses(), security);
        InetSocketAddress bootstrapAddress;
        try {
            for (GatewayConfig.ListenerConfig each : config.listeners()) {
                if (each.usesSasl() && each.authentication().mode() == AuthenticationMode.DELEGATED
                        && !connector.usesSasl()) {
                    throw new IllegalArgumentException("listener " + each.name() + " delegates authentication to "
                            + "Kafka, so the upstream security.protocol must be SASL_PLAINTEXT or SASL_SSL");
                }
                services.authentication(each); // an unusable OAUTHBEARER or mapping configuration fails here
            }
            bootstrapAddress = listener.bindBootstrap(listenerConfig.bootstrapPort(), services);
        } catch (Exception e) {
            services.close();
            watcher.close();
            connector.close();
            interceptors.close();
            acceptors.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            workers.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            if (e instanceof IllegalArgumentException) {
                throw new GatewayStartException("invalid listener configuration: " + e.getMessage(), e);
            }
            throw new GatewayStartException("cannot listen on " + listenerConfig.bindAddress() + ":"
                    + listenerConfig.bootstrapPort() + ": " + e.getMessage(), e);
        }
        watcher.start();
        LOG.info("Listening on {} (advertised as {}:{}, {} transport), forwarding to {}", bootstrapAddress,
                listenerConfig.advertisedHost(), bootstrapAddress.getPort(), transport.name().toLowerCase(),
                String.join(",", config.upstream().bootstrapServers()));
        return new Gateway(config, acceptors, workers, listener, connector, watcher, services, interceptors,
                bootstrapAddress);
    }

    /** The address the bootstrap port is bound to. */
    public InetSocketAddress bootstrapAddress() {
        return bootstrapAddress;
    }

    /** {@code advertisedHost:bootstrapPort}: what clients put in {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return new HostPort(config.listener().advertisedHost(), bootstrapAddress.getPort()).toString();
    }

    /** True while the upstream cluster answered the gateway's last metadata request. */
    public boolean isReady() {
        return !closed && watcher.isReady();
    }

    /** Why the gateway is not ready, or null when it is. */
    public String notReadyReason() {
        return closed ? "shutting down" : watcher.notReadyReason();
    }

    /** Node id to gateway port, for every broker port currently bound. */
    public Map<Integer, Integer> brokerPorts() {
        return listener.boundBrokerPorts();
    }

    /**
     * The interceptors installed in this gateway. Changes apply to new requests on every connection at once;
     * they are not stored: the resource store (or whoever embeds the gateway) keeps them.
     */
    public InterceptorRegistry interceptors() {
        return interceptors;
    }

    /** Client connections open now. */
    public int openConnections() {
        return services.connections().size();
    }

    /** Requests read from clients and not yet answered, over all connections. */
    public int inFlightRequests() {
        return services.inFlightRequests();
    }

    /**
     * Stops accepting connections, lets in-flight requests complete for up to the configured shutdown
     * timeout, then closes every connection and releases the event loops.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long started = System.nanoTime();
        listener.close();
        List<ProxyConnection> connections = List.copyOf(services.connections());
        connections.forEach(ProxyConnection::drain);
        int unfinished = awaitInFlight(connections, config.shutdownTimeout());
        if (unfinished > 0) {
            LOG.warn("Shutdown timeout of {} reached with {} request(s) still in flight", config.shutdownTimeout(),
                    unfinished);
        }
        services.connections().forEach(ProxyConnection::close);
        watcher.close();
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        interceptors.close();
        acceptors.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        connector.close();
        services.close();
        LOG.info("Gateway stopped in {} ms ({} connection(s) closed)",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), connections.size());
    }

    private static int awaitInFlight(List<ProxyConnection> connections, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            int inFlight = connections.stream().mapToInt(ProxyConnection::inFlightRequests).sum();
            if (inFlight == 0 || System.nanoTime() > deadline) {
                return inFlight;
            }
            try {
                Thread.sleep(DRAIN_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return inFlight;
            }
        }
    }
}
