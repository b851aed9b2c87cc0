package io.streamgate.core;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.EventLoopGroup;
import io.streamgate.core.address.BrokerAddressRewriter;
import io.streamgate.core.address.BrokerPorts;
import io.streamgate.core.address.ClusterTopology;
import io.streamgate.core.address.HostPort;
import io.streamgate.core.auth.AuthenticationMode;
import io.streamgate.core.auth.GatewaySecurity;
import io.streamgate.core.chain.InterceptorRegistry;
import io.streamgate.core.chain.PluginCatalog;
import io.streamgate.core.listener.ClientListener;
import io.streamgate.core.listener.ListenerRouting;
import io.streamgate.core.listener.Transport;
import io.streamgate.core.metrics.GatewayMetrics;
import io.streamgate.core.proxy.ProxyConnection;
import io.streamgate.core.proxy.ProxyServices;
import io.streamgate.core.tls.ListenerTls;
import io.streamgate.core.upstream.UpstreamClientConfig;
import io.streamgate.core.upstream.UpstreamClusterWatcher;
import io.streamgate.core.upstream.UpstreamConnector;
import io.streamgate.core.upstream.UpstreamRoutes;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * A running gateway: one or more Kafka listeners in front of one upstream cluster. Each listener has its own bind
 * address, ports, security protocol and routing (a bootstrap port plus one port per broker, or one TLS port routed by
 * server name), and tells its clients its own broker addresses. Created by {@link #start}; {@link #close} shuts it
 * down gracefully.
 */
public final class Gateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
    private static final long DRAIN_POLL_MILLIS = 20;
    /** Long enough for any request that started with a replaced interceptor to finish with it. */
    private static final Duration INTERCEPTOR_CLOSE_GRACE = Duration.ofSeconds(60);

    private final GatewayConfig config;
    private final EventLoopGroup acceptors;
    private final EventLoopGroup workers;
    private final List<ClientListener> listeners;
    private final List<ListenerTls> tlsContexts;
    private final UpstreamConnector connector;
    private final UpstreamClusterWatcher watcher;
    private final ProxyServices services;
    private final InterceptorRegistry interceptors;
    private boolean closed;

    private Gateway(GatewayConfig config, EventLoopGroup acceptors, EventLoopGroup workers,
                    List<ClientListener> listeners, List<ListenerTls> tlsContexts, UpstreamConnector connector,
                    UpstreamClusterWatcher watcher, ProxyServices services, InterceptorRegistry interceptors) {
        this.config = config;
        this.acceptors = acceptors;
        this.workers = workers;
        this.listeners = List.copyOf(listeners);
        this.tlsContexts = List.copyOf(tlsContexts);
        this.connector = connector;
        this.watcher = watcher;
        this.services = services;
        this.interceptors = interceptors;
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

        GatewayMetrics metrics = new GatewayMetrics(meterRegistry);
        List<ListenerTls> tlsContexts = new ArrayList<>();
        Map<String, ListenerTls> tlsByListener = new HashMap<>();
        try {
            for (GatewayConfig.ListenerConfig listenerConfig : config.listeners()) {
                if (listenerConfig.usesTls()) {
                    ListenerTls tls = ListenerTls.configure(listenerConfig.name(), listenerConfig.tls());
                    tlsContexts.add(tls);
                    tlsByListener.put(listenerConfig.name(), tls);
                }
            }
        } catch (IllegalArgumentException e) {
            tlsContexts.forEach(ListenerTls::close);
            connector.close();
            throw new GatewayStartException(e.getMessage(), e);
        }

        EventLoopGroup acceptors = transport.newEventLoopGroup(1, "streamgate-accept");
        EventLoopGroup workers = transport.newEventLoopGroup(config.ioThreads(), "streamgate-io");
        List<ClientListener> listeners = new ArrayList<>();
        for (GatewayConfig.ListenerConfig listenerConfig : config.listeners()) {
            listeners.add(ClientListener.create(listenerConfig, tlsByListener.get(listenerConfig.name()),
                    config.maxRequestFrameBytes(), metrics, transport, acceptors, workers));
        }
        ClusterTopology topology = new ClusterTopology();
        UpstreamClusterWatcher watcher = new UpstreamClusterWatcher(clientConfig, topology, new EveryListener(listeners),
                nodeId -> listeners.forEach(listener -> listener.brokerLeft(nodeId)),
                config.upstream().metadataRefreshInterval(), config.upstream().brokerRemovalDelay(),
                config.upstream().connectTimeout());
        topology.onNewBroker(nodeId -> {
            for (ClientListener listener : listeners) {
                if (listener.portFor(nodeId).isPresent()) {
                    listener.ensureListening(nodeId);
                }
            }
        });
        InterceptorRegistry interceptors = new InterceptorRegistry(
                PluginCatalog.discover(Gateway.class.getClassLoader(), config.plugins().directory()),
                new GatewayPluginContext(clientConfig, config.listener().advertisedHost(),
                        config.plugins().dataDirectory()),
                System.getenv(), INTERCEPTOR_CLOSE_GRACE);
        Map<String, BrokerAddressRewriter> rewriters = new HashMap<>();
        for (ClientListener listener : listeners) {
            rewriters.put(listener.config().name(),
                    new BrokerAddressRewriter(listener::advertisedHost, topology, listener));
        }
        ProxyServices services = new ProxyServices(new UpstreamRoutes(bootstrapServers, topology, watcher), connector,
                rewriters, rewriters.get(config.listener().name()), interceptors, metrics,
                config.streamFetchResponses(), security, config.requireVirtualCluster());
        try {
            for (GatewayConfig.ListenerConfig each : config.listeners()) {
                if (each.usesSasl() && each.authentication().mode() == AuthenticationMode.DELEGATED
                        && !connector.usesSasl()) {
                    throw new IllegalArgumentException("listener " + each.name() + " delegates authentication to "
                            + "Kafka, so the upstream security.protocol must be SASL_PLAINTEXT or SASL_SSL");
                }
                services.authentication(each); // an unusable OAUTHBEARER or mapping configuration fails here
            }
        } catch (RuntimeException e) {
            services.close();
            watcher.close();
            connector.close();
            interceptors.close();
            tlsContexts.forEach(ListenerTls::close);
            acceptors.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            workers.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            throw new GatewayStartException("invalid listener configuration: " + e.getMessage(), e);
        }
        for (ClientListener listener : listeners) {
            GatewayConfig.ListenerConfig listenerConfig = listener.config();
            try {
                listener.bind(services);
            } catch (Exception e) {
                listeners.forEach(ClientListener::close);
                services.close();
                watcher.close();
                connector.close();
                interceptors.close();
                tlsContexts.forEach(ListenerTls::close);
                acceptors.shutdownGracefully(0, 0, TimeUnit.SECONDS);
                workers.shutdownGracefully(0, 0, TimeUnit.SECONDS);
                throw new GatewayStartException("listener " + listenerConfig.name() + " cannot listen on "
                        + listenerConfig.bindAddress() + ":" + listenerConfig.bootstrapPort() + ": " + e.getMessage(), e);
            }
        }
        for (ListenerTls tls : tlsContexts) {
            long interval = config.tlsReloadInterval().toMillis();
            acceptors.scheduleWithFixedDelay(tls::reloadIfChanged, interval, interval, TimeUnit.MILLISECONDS);
        }
        watcher.start();
        for (ClientListener listener : listeners) {
            GatewayConfig.ListenerConfig listenerConfig = listener.config();
            LOG.info("Listener {} ({}, {} routing) on {}, advertised as {}", listenerConfig.name(),
                    listenerConfig.securityProtocol(), listenerConfig.routing() instanceof ListenerRouting.Sni
                            ? "SNI" : "port", listener.bootstrapAddress(), listener.advertisedBootstrap());
        }
        LOG.info("Forwarding to {} ({} transport)", String.join(",", config.upstream().bootstrapServers()),
                transport.name().toLowerCase());
        return new Gateway(config, acceptors, workers, listeners, tlsContexts, connector, watcher, services,
                interceptors);
    }

    /** The address the first listener's bootstrap port is bound to. */
    public InetSocketAddress bootstrapAddress() {
        return listeners.get(0).bootstrapAddress();
    }

    /** The address the bootstrap port (or only port) of the named listener is bound to. */
    public InetSocketAddress bootstrapAddress(String listenerName) {
        return listener(listenerName).bootstrapAddress();
    }

    /** {@code advertisedHost:bootstrapPort} of the first listener: what clients put in {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return listeners.get(0).advertisedBootstrap().toString();
    }

    /**
     * What clients of the named listener put in {@code bootstrap.servers}: its advertised host and bootstrap port, or,
     * with SNI routing, its bootstrap host name and advertised port.
     *
     * @throws IllegalArgumentException if there is no such listener
     */
    public String bootstrapServers(String listenerName) {
        return listener(listenerName).advertisedBootstrap().toString();
    }

    private ClientListener listener(String name) {
        for (ClientListener listener : listeners) {
            if (listener.config().name().equals(name)) {
                return listener;
            }
        }
        throw new IllegalArgumentException("no listener named " + name + "; listeners are "
                + listeners.stream().map(l -> l.config().name()).toList());
    }

    /** True while the upstream cluster answered the gateway's last metadata request. */
    public boolean isReady() {
        return !closed && watcher.isReady();
    }

    /** Why the gateway is not ready, or null when it is. */
    public String notReadyReason() {
        return closed ? "shutting down" : watcher.notReadyReason();
    }

    /** Node id to gateway port of the first listener, for every broker port currently bound. */
    public Map<Integer, Integer> brokerPorts() {
        return listeners.get(0).boundBrokerPorts();
    }

    /** Node id to port of the named listener, for every broker port currently bound; empty with SNI routing. */
    public Map<Integer, Integer> brokerPorts(String listenerName) {
        return listener(listenerName).boundBrokerPorts();
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
        listeners.forEach(ClientListener::close);
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
        tlsContexts.forEach(ListenerTls::close);
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

    /**
     * The broker numbering every listener needs fixed from the cluster's first view; only {@link #anchor} is used,
     * by the cluster watcher.
     */
    private record EveryListener(List<ClientListener> listeners) implements BrokerPorts {

        @Override
        public void anchor(Collection<Integer> nodeIds) {
            listeners.forEach(listener -> listener.anchor(nodeIds));
        }

        @Override
        public OptionalInt portFor(int nodeId) {
            return listeners.get(0).portFor(nodeId);
        }

        @Override
        public CompletionStage<Void> ensureListening(int nodeId) {
            return CompletableFuture.allOf(listeners.stream()
                    .map(listener -> listener.ensureListening(nodeId).toCompletableFuture())
                    .toArray(CompletableFuture[]::new));
        }
    }
}
