package io.streamgate.core;

import io.streamgate.core.auth.AuthenticationConfig;
import io.streamgate.core.listener.ListenerRouting;
import org.apache.kafka.common.security.auth.SecurityProtocol;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Everything the engine needs to serve one Kafka listener in front of one upstream cluster.
 *
 * @param listeners where clients connect, how they authenticate and which addresses they are told; at least one,
 *     with unique names
 * @param upstream the Kafka cluster behind the gateway and how the gateway connects to it
 * @param maxRequestFrameBytes the largest request frame a client may send; larger frames close the
 *     connection (Kafka's own {@code socket.request.max.bytes} default is the same 100 MiB)
 * @param shutdownTimeout how long a graceful shutdown waits for in-flight requests to complete
 * @param ioThreads event-loop threads; each client connection and its upstream connection share one
 * @param plugins where interceptor plugins come from and may keep files
 * @param streamFetchResponses whether Fetch is offered up to v15 only, so that its large responses are forwarded as
 *     their bytes arrive (see {@link #withStreamFetchResponses})
 * @param tlsReloadInterval how often TLS listeners check whether their keystore and truststore files changed on disk,
 *     to serve new connections with the new certificate
 * @param requireVirtualCluster whether a connection that lands in no virtual cluster (neither through its service
 *     account nor through its listener) is refused, rather than served by the transparent passthrough cluster
 */
public record GatewayConfig(
        List<ListenerConfig> listeners,
        UpstreamConfig upstream,
        int maxRequestFrameBytes,
        Duration shutdownTimeout,
        int ioThreads,
        PluginsConfig plugins,
        boolean streamFetchResponses,
        Duration tlsReloadInterval,
        boolean requireVirtualCluster) {

    public static final int DEFAULT_MAX_REQUEST_FRAME_BYTES = 100 * 1024 * 1024;
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_TLS_RELOAD_INTERVAL = Duration.ofSeconds(5);

    public GatewayConfig {
        listeners = List.copyOf(listeners);
        if (listeners.isEmpty()) {
            throw new IllegalArgumentException("at least one listener is required");
        }
        if (listeners.stream().map(ListenerConfig::name).distinct().count() != listeners.size()) {
            throw new IllegalArgumentException("listener names must be unique: "
                    + listeners.stream().map(ListenerConfig::name).toList());
        }
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
        Objects.requireNonNull(plugins, "plugins");
        if (maxRequestFrameBytes <= 0) {
            throw new IllegalArgumentException("maxRequestFrameBytes must be positive, was " + maxRequestFrameBytes);
        }
        if (ioThreads <= 0) {
            throw new IllegalArgumentException("ioThreads must be positive, was " + ioThreads);
        }
        Objects.requireNonNull(tlsReloadInterval, "tlsReloadInterval");
        if (tlsReloadInterval.isNegative() || tlsReloadInterval.isZero()) {
            throw new IllegalArgumentException("tlsReloadInterval must be positive, was " + tlsReloadInterval);
        }
        if (requireVirtualCluster) {
            for (ListenerConfig listener : listeners) {
                if (listener.virtualCluster() == null && !listener.identifiesClients()) {
                    throw new IllegalArgumentException("listener " + listener.name() + " neither authenticates its "
                            + "clients nor names a virtual cluster, so no connection of it could land in one, and "
                            + "requireVirtualCluster is set");
                }
            }
        }
    }

    /** A configuration with defaults for everything but the upstream bootstrap servers. */
    public static GatewayConfig defaults(List<String> upstreamBootstrapServers) {
        return new GatewayConfig(
                List.of(ListenerConfig.defaults()),
                UpstreamConfig.defaults(upstreamBootstrapServers),
                DEFAULT_MAX_REQUEST_FRAME_BYTES,
                DEFAULT_SHUTDOWN_TIMEOUT,
                Runtime.getRuntime().availableProcessors(),
                PluginsConfig.defaults(),
                true,
                DEFAULT_TLS_RELOAD_INTERVAL,
                false);
    }

    /** A configuration that serves connections in no virtual cluster through the passthrough cluster. */
    public GatewayConfig(List<ListenerConfig> listeners, UpstreamConfig upstream, int maxRequestFrameBytes,
                         Duration shutdownTimeout, int ioThreads, PluginsConfig plugins, boolean streamFetchResponses,
                         Duration tlsReloadInterval) {
        this(listeners, upstream, maxRequestFrameBytes, shutdownTimeout, ioThreads, plugins, streamFetchResponses,
                tlsReloadInterval, false);
    }

    /** The first listener: the only one in most setups. */
    public ListenerConfig listener() {
        return listeners.get(0);
    }

    /** As this configuration with the first listener replaced. */
    public GatewayConfig withListener(ListenerConfig listener) {
        List<ListenerConfig> changed = new java.util.ArrayList<>(listeners);
        changed.set(0, listener);
        return withListeners(changed);
    }

    public GatewayConfig withListeners(List<ListenerConfig> listeners) {
        return new GatewayConfig(listeners, upstream, maxRequestFrameBytes, shutdownTimeout, ioThreads, plugins,
                streamFetchResponses, tlsReloadInterval, requireVirtualCluster);
    }

    public GatewayConfig withUpstream(UpstreamConfig upstream) {
        return new GatewayConfig(listeners, upstream, maxRequestFrameBytes, shutdownTimeout, ioThreads, plugins,
                streamFetchResponses, tlsReloadInterval, requireVirtualCluster);
    }

    public GatewayConfig withMaxRequestFrameBytes(int maxRequestFrameBytes) {
        return new GatewayConfig(listeners, upstream, maxRequestFrameBytes, shutdownTimeout, ioThreads, plugins,
                streamFetchResponses, tlsReloadInterval, requireVirtualCluster);
    }

    public GatewayConfig withShutdownTimeout(Duration shutdownTimeout) {
        return new GatewayConfig(listeners, upstream, maxRequestFrameBytes, shutdownTimeout, ioThreads, plugins,
                streamFetchResponses, tlsReloadInterval, requireVirtualCluster);
    }

    public GatewayConfig withIoThreads(int ioThreads) {
        return new GatewayConfig(listeners, upstream, maxRequestFrameBytes, shutdownTimeout, ioThreads, plugins,
                streamFetchResponses, tlsReloadInterval, requireVirtualCluster);
    }

    public GatewayConfig withPlugins(PluginsConfig plugins) {
        return new GatewayConfig(listeners, upstream, maxRequestFrameBytes, shutdownTimeout, ioThreads, plugins,
                streamFetchResponses, tlsReloadInterval, requireVirtualCluster);
    }

    /**
     * As this configuration, choosing the Fetch versions offered: {@code true} (the default) offers Fetch up to v15,
     * whose responses carry no broker addresses, so that large ones reach consumers as their bytes arrive;
     * {@code false} offers v16+ too (a new partition leader announced in the Fetch response, KIP-951), whose
     * responses must then be held until whole to be checked for broker addresses.
     */
    public GatewayConfig withStreamFetchResponses(boolean streamFetchResponses) {
        return new GatewayConfig(listeners, upstream, maxRequestFrameBytes, shutdownTimeout, ioThreads, plugins,
                streamFetchResponses, tlsReloadInterval, requireVirtualCluster);
    }

    /** As this configuration, checking TLS certificate files for changes every {@code tlsReloadInterval}. */
    public GatewayConfig withTlsReloadInterval(Duration tlsReloadInterval) {
        return new GatewayConfig(listeners, upstream, maxRequestFrameBytes, shutdownTimeout, ioThreads, plugins,
                streamFetchResponses, tlsReloadInterval, requireVirtualCluster);
    }

    /** As this configuration, refusing (or not) connections that land in no virtual cluster. */
    public GatewayConfig withRequireVirtualCluster(boolean requireVirtualCluster) {
        return new GatewayConfig(listeners, upstream, maxRequestFrameBytes, shutdownTimeout, ioThreads, plugins,
                streamFetchResponses, tlsReloadInterval, requireVirtualCluster);
    }

    /**
     * Interceptor plugins.
     *
     * @param directory where jars of third-party plugins are dropped; null or missing means none
     * @param dataDirectory where plugins may keep files (e.g. an audit log)
     */
    public record PluginsConfig(Path directory, Path dataDirectory) {

        public PluginsConfig {
            Objects.requireNonNull(dataDirectory, "dataDirectory");
        }

        public static PluginsConfig defaults() {
            return new PluginsConfig(Path.of("plugins"), Path.of("streamgate-data"));
        }
    }

    /**
     * One client-facing listener.
     *
     * @param name the listener's name, unique in the gateway; connections report it ({@code ConnectionInfo.listener})
     * @param bindAddress the local address every port binds to
     * @param advertisedHost the host name clients are told to connect to, in every rewritten address (port routing)
     * @param bootstrapPort the port clients bootstrap from; with SNI routing, the one port of the listener
     * @param brokerPortBase the port of the broker with the lowest node id; broker {@code n} listens on
     *     {@code brokerPortBase + (n - minNodeId)}. Zero means {@code bootstrapPort + 1}. Port routing only.
     * @param minNodeId the node id that maps to {@code brokerPortBase}; empty means the lowest node id the
     *     gateway first sees. Set it when several gateway instances must agree before they see the cluster.
     * @param maxBrokers how many consecutive broker ports the gateway may bind
     * @param securityProtocol what clients speak: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL
     * @param tls the server side of TLS, in Kafka's broker property names ({@code ssl.keystore.location},
     *     {@code ssl.keystore.type} PKCS12/JKS/PEM, {@code ssl.key.password}, {@code ssl.truststore.*},
     *     {@code ssl.client.auth} none/requested/required, {@code ssl.enabled.protocols}, ...)
     * @param routing how a connection's broker is chosen: by port, or by TLS server name
     * @param authentication how clients authenticate on this listener
     * @param virtualCluster the virtual cluster every connection of this listener lands in; null when connections
     *     land in their service account's virtual cluster, or in the transparent passthrough cluster
     */
    public record ListenerConfig(
            String name,
            String bindAddress,
            String advertisedHost,
            int bootstrapPort,
            int brokerPortBase,
            OptionalInt minNodeId,
            int maxBrokers,
            SecurityProtocol securityProtocol,
            Map<String, String> tls,
            ListenerRouting routing,
            AuthenticationConfig authentication,
            String virtualCluster) {

        public static final int DEFAULT_BOOTSTRAP_PORT = 6969;
        public static final String DEFAULT_NAME = "default";

        public ListenerConfig {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(bindAddress, "bindAddress");
            Objects.requireNonNull(advertisedHost, "advertisedHost");
            Objects.requireNonNull(minNodeId, "minNodeId");
            Objects.requireNonNull(securityProtocol, "securityProtocol");
            tls = Map.copyOf(tls);
            Objects.requireNonNull(routing, "routing");
            Objects.requireNonNull(authentication, "authentication");
            checkPort("bootstrapPort", bootstrapPort);
            if (brokerPortBase != 0) {
                checkPort("brokerPortBase", brokerPortBase);
            }
            if (maxBrokers <= 0) {
                throw new IllegalArgumentException("maxBrokers must be positive, was " + maxBrokers);
            }
            if (routing instanceof ListenerRouting.Sni && !usesTls(securityProtocol)) {
                throw new IllegalArgumentException("listener " + name + ": SNI routing needs TLS (SSL or SASL_SSL), "
                        + "not " + securityProtocol);
            }
        }

        /** A listener bound to no virtual cluster. */
        public ListenerConfig(String name, String bindAddress, String advertisedHost, int bootstrapPort,
                              int brokerPortBase, OptionalInt minNodeId, int maxBrokers,
                              SecurityProtocol securityProtocol, Map<String, String> tls, ListenerRouting routing,
                              AuthenticationConfig authentication) {
            this(name, bindAddress, advertisedHost, bootstrapPort, brokerPortBase, minNodeId, maxBrokers,
                    securityProtocol, tls, routing, authentication, null);
        }

        /** The ports listener that has always been the default: plaintext, no authentication. */
        public ListenerConfig(String bindAddress, String advertisedHost, int bootstrapPort, int brokerPortBase,
                              OptionalInt minNodeId, int maxBrokers) {
            this(DEFAULT_NAME, bindAddress, advertisedHost, bootstrapPort, brokerPortBase, minNodeId, maxBrokers,
                    SecurityProtocol.PLAINTEXT, Map.of(), new ListenerRouting.Ports(), AuthenticationConfig.defaults());
        }

        public static ListenerConfig defaults() {
            return new ListenerConfig("127.0.0.1", "localhost", DEFAULT_BOOTSTRAP_PORT, 0, OptionalInt.empty(), 100);
        }

        /** The port of the broker with the lowest node id. */
        public int effectiveBrokerPortBase() {
            return brokerPortBase == 0 ? bootstrapPort + 1 : brokerPortBase;
        }

        /** Whether clients speak TLS to this listener. */
        public boolean usesTls() {
            return usesTls(securityProtocol);
        }

        /** Whether every client of this listener proves who it is: with SASL, or with a required client certificate. */
        public boolean identifiesClients() {
            return usesSasl() || (usesTls() && "required".equalsIgnoreCase(tls.get("ssl.client.auth")));
        }

        /** Whether clients authenticate with SASL on this listener. */
        public boolean usesSasl() {
            return securityProtocol == SecurityProtocol.SASL_PLAINTEXT || securityProtocol == SecurityProtocol.SASL_SSL;
        }

        private static boolean usesTls(SecurityProtocol protocol) {
            return protocol == SecurityProtocol.SSL || protocol == SecurityProtocol.SASL_SSL;
        }

        public ListenerConfig withName(String name) {
            return new ListenerConfig(name, bindAddress, advertisedHost, bootstrapPort, brokerPortBase, minNodeId,
                    maxBrokers, securityProtocol, tls, routing, authentication, virtualCluster);
        }

        public ListenerConfig withBindAddress(String bindAddress) {
            return new ListenerConfig(name, bindAddress, advertisedHost, bootstrapPort, brokerPortBase, minNodeId,
                    maxBrokers, securityProtocol, tls, routing, authentication, virtualCluster);
        }

        public ListenerConfig withAdvertisedHost(String advertisedHost) {
            return new ListenerConfig(name, bindAddress, advertisedHost, bootstrapPort, brokerPortBase, minNodeId,
                    maxBrokers, securityProtocol, tls, routing, authentication, virtualCluster);
        }

        public ListenerConfig withBootstrapPort(int bootstrapPort) {
            return new ListenerConfig(name, bindAddress, advertisedHost, bootstrapPort, brokerPortBase, minNodeId,
                    maxBrokers, securityProtocol, tls, routing, authentication, virtualCluster);
        }

        public ListenerConfig withBrokerPortBase(int brokerPortBase) {
            return new ListenerConfig(name, bindAddress, advertisedHost, bootstrapPort, brokerPortBase, minNodeId,
                    maxBrokers, securityProtocol, tls, routing, authentication, virtualCluster);
        }

        public ListenerConfig withMinNodeId(OptionalInt minNodeId) {
            return new ListenerConfig(name, bindAddress, advertisedHost, bootstrapPort, brokerPortBase, minNodeId,
                    maxBrokers, securityProtocol, tls, routing, authentication, virtualCluster);
        }

        public ListenerConfig withMaxBrokers(int maxBrokers) {
            return new ListenerConfig(name, bindAddress, advertisedHost, bootstrapPort, brokerPortBase, minNodeId,
                    maxBrokers, securityProtocol, tls, routing, authentication, virtualCluster);
        }

        public ListenerConfig withSecurityProtocol(SecurityProtocol securityProtocol) {
            return new ListenerConfig(name, bindAddress, advertisedHost, bootstrapPort, brokerPortBase, minNodeId,
                    maxBrokers, securityProtocol, tls, routing, authentication, virtualCluster);
        }

        public ListenerConfig withTls(Map<String, String> tls) {
            return new ListenerConfig(name, bindAddress, advertisedHost, bootstrapPort, brokerPortBase, minNodeId,
                    maxBrokers, securityProtocol, tls, routing, authentication, virtualCluster);
        }

        public ListenerConfig withRouting(ListenerRouting routing) {
            return new ListenerConfig(name, bindAddress, advertisedHost, bootstrapPort, brokerPortBase, minNodeId,
                    maxBrokers, securityProtocol, tls, routing, authentication, virtualCluster);
        }

        public ListenerConfig withAuthentication(AuthenticationConfig authentication) {
            return new ListenerConfig(name, bindAddress, advertisedHost, bootstrapPort, brokerPortBase, minNodeId,
                    maxBrokers, securityProtocol, tls, routing, authentication, virtualCluster);
        }

        /** As this listener, with every connection landing in {@code virtualCluster} (null: none). */
        public ListenerConfig withVirtualCluster(String virtualCluster) {
            return new ListenerConfig(name, bindAddress, advertisedHost, bootstrapPort, brokerPortBase, minNodeId,
                    maxBrokers, securityProtocol, tls, routing, authentication, virtualCluster);
        }

        private static void checkPort(String name, int port) {
            if (port <= 0 || port > 65535) {
                throw new IllegalArgumentException(name + " must be in 1..65535, was " + port);
            }
        }
    }

    /**
     * The Kafka cluster behind the gateway.
     *
     * @param bootstrapServers {@code host:port} of one or more brokers
     * @param clientProperties ordinary Kafka client properties for the gateway's own connections to Kafka
     *     ({@code security.protocol}, {@code ssl.*}, {@code sasl.*}, timeouts)
     * @param connectTimeout how long opening a connection to a broker may take
     * @param metadataRefreshInterval how often the gateway re-reads the cluster's brokers on its own
     * @param brokerRemovalDelay how long a broker must be absent from the cluster before its port is closed;
     *     a restarting broker briefly disappears and keeps its port
     */
    public record UpstreamConfig(
            List<String> bootstrapServers,
            Map<String, String> clientProperties,
            Duration connectTimeout,
            Duration metadataRefreshInterval,
            Duration brokerRemovalDelay) {

        public UpstreamConfig {
            bootstrapServers = List.copyOf(bootstrapServers);
            clientProperties = Map.copyOf(clientProperties);
            Objects.requireNonNull(connectTimeout, "connectTimeout");
            Objects.requireNonNull(metadataRefreshInterval, "metadataRefreshInterval");
            Objects.requireNonNull(brokerRemovalDelay, "brokerRemovalDelay");
            if (bootstrapServers.isEmpty()) {
                throw new IllegalArgumentException("at least one upstream bootstrap server is required");
            }
        }

        public static UpstreamConfig defaults(List<String> bootstrapServers) {
            return new UpstreamConfig(bootstrapServers, Map.of(), Duration.ofSeconds(10), Duration.ofSeconds(30),
                    Duration.ofMinutes(2));
        }

        public UpstreamConfig withClientProperties(Map<String, String> clientProperties) {
            return new UpstreamConfig(bootstrapServers, clientProperties, connectTimeout, metadataRefreshInterval,
                    brokerRemovalDelay);
        }

        public UpstreamConfig withConnectTimeout(Duration connectTimeout) {
            return new UpstreamConfig(bootstrapServers, clientProperties, connectTimeout, metadataRefreshInterval,
                    brokerRemovalDelay);
        }

        public UpstreamConfig withMetadataRefreshInterval(Duration metadataRefreshInterval) {
            return new UpstreamConfig(bootstrapServers, clientProperties, connectTimeout, metadataRefreshInterval,
                    brokerRemovalDelay);
        }

        public UpstreamConfig withBrokerRemovalDelay(Duration brokerRemovalDelay) {
            return new UpstreamConfig(bootstrapServers, clientProperties, connectTimeout, metadataRefreshInterval,
                    brokerRemovalDelay);
        }
    }
}
