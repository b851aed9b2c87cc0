package io.streamgate.core;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Everything the engine needs to serve one Kafka listener in front of one upstream cluster.
 *
 * @param listener where clients connect and which addresses they are told
 * @param upstream the Kafka cluster behind the gateway and how the gateway connects to it
 * @param maxRequestFrameBytes the largest request frame a client may send; larger frames close the
 *     connection (Kafka's own {@code socket.request.max.bytes} default is the same 100 MiB)
 * @param shutdownTimeout how long a graceful shutdown waits for in-flight requests to complete
 * @param ioThreads event-loop threads; each client connection and its upstream connection share one
 * @param plugins where interceptor plugins come from and may keep files
 * @param streamFetchResponses whether Fetch is offered up to v15 only, so that its large responses are forwarded as
 *     their bytes arrive (see {@link #withStreamFetchResponses})
 */
public record GatewayConfig(
        ListenerConfig listener,
        UpstreamConfig upstream,
        int maxRequestFrameBytes,
        Duration shutdownTimeout,
        int ioThreads,
        PluginsConfig plugins,
        boolean streamFetchResponses) {

    public static final int DEFAULT_MAX_REQUEST_FRAME_BYTES = 100 * 1024 * 1024;
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);

    public GatewayConfig {
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
        Objects.requireNonNull(plugins, "plugins");
        if (maxRequestFrameBytes <= 0) {
            throw new IllegalArgumentException("maxRequestFrameBytes must be positive, was " + maxRequestFrameBytes);
        }
        if (ioThreads <= 0) {
            throw new IllegalArgumentException("ioThreads must be positive, was " + ioThreads);
        }
    }

    /** A configuration with defaults for everything but the upstream bootstrap servers. */
    public static GatewayConfig defaults(List<String> upstreamBootstrapServers) {
        return new GatewayConfig(
                ListenerConfig.defaults(),
                UpstreamConfig.defaults(upstreamBootstrapServers),
                DEFAULT_MAX_REQUEST_FRAME_BYTES,
                DEFAULT_SHUTDOWN_TIMEOUT,
                Runtime.getRuntime().availableProcessors(),
                PluginsConfig.defaults(),
                true);
    }

    public GatewayConfig withListener(ListenerConfig listener) {
        return new GatewayConfig(listener, upstream, maxRequestFrameBytes, shutdownTimeout, ioThreads, plugins,
                streamFetchResponses);
    }

    public GatewayConfig withUpstream(UpstreamConfig upstream) {
        return new GatewayConfig(listener, upstream, maxRequestFrameBytes, shutdownTimeout, ioThreads, plugins,
                streamFetchResponses);
    }

    public GatewayConfig withMaxRequestFrameBytes(int maxRequestFrameBytes) {
        return new GatewayConfig(listener, upstream, maxRequestFrameBytes, shutdownTimeout, ioThreads, plugins,
                streamFetchResponses);
    }

    public GatewayConfig withShutdownTimeout(Duration shutdownTimeout) {
        return new GatewayConfig(listener, upstream, maxRequestFrameBytes, shutdownTimeout, ioThreads, plugins,
                streamFetchResponses);
    }

    public GatewayConfig withIoThreads(int ioThreads) {
        return new GatewayConfig(listener, upstream, maxRequestFrameBytes, shutdownTimeout, ioThreads, plugins,
                streamFetchResponses);
    }

    public GatewayConfig withPlugins(PluginsConfig plugins) {
        return new GatewayConfig(listener, upstream, maxRequestFrameBytes, shutdownTimeout, ioThreads, plugins,
                streamFetchResponses);
    }

    /**
     * As this configuration, choosing the Fetch versions offered: {@code true} (the default) offers Fetch up to v15,
     * whose responses carry no broker addresses, so that large ones reach consumers as their bytes arrive;
     * {@code false} offers v16+ too (a new partition leader announced in the Fetch response, KIP-951), whose
     * responses must then be held until whole to be checked for broker addresses.
     */
    public GatewayConfig withStreamFetchResponses(boolean streamFetchResponses) {
        return new GatewayConfig(listener, upstream, maxRequestFrameBytes, shutdownTimeout, ioThreads, plugins,
                streamFetchResponses);
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
     * The client-facing side: one bootstrap port, then one port per broker.
     *
     * @param bindAddress the local address every port binds to
     * @param advertisedHost the host name clients are told to connect to, in every rewritten address
     * @param bootstrapPort the port clients bootstrap from
     * @param brokerPortBase the port of the broker with the lowest node id; broker {@code n} listens on
     *     {@code brokerPortBase + (n - minNodeId)}. Zero means {@code bootstrapPort + 1}.
     * @param minNodeId the node id that maps to {@code brokerPortBase}; empty means the lowest node id the
     *     gateway first sees. Set it when several gateway instances must agree before they see the cluster.
     * @param maxBrokers how many consecutive broker ports the gateway may bind
     */
    public record ListenerConfig(
            String bindAddress,
            String advertisedHost,
            int bootstrapPort,
            int brokerPortBase,
            OptionalInt minNodeId,
            int maxBrokers) {

        public static final int DEFAULT_BOOTSTRAP_PORT = 6969;

        public ListenerConfig {
            Objects.requireNonNull(bindAddress, "bindAddress");
            Objects.requireNonNull(advertisedHost, "advertisedHost");
            Objects.requireNonNull(minNodeId, "minNodeId");
            checkPort("bootstrapPort", bootstrapPort);
            if (brokerPortBase != 0) {
                checkPort("brokerPortBase", brokerPortBase);
            }
            if (maxBrokers <= 0) {
                throw new IllegalArgumentException("maxBrokers must be positive, was " + maxBrokers);
            }
        }

        public static ListenerConfig defaults() {
            return new ListenerConfig("127.0.0.1", "localhost", DEFAULT_BOOTSTRAP_PORT, 0, OptionalInt.empty(), 100);
        }

        /** The port of the broker with the lowest node id. */
        public int effectiveBrokerPortBase() {
            return brokerPortBase == 0 ? bootstrapPort + 1 : brokerPortBase;
        }

        public ListenerConfig withBindAddress(String bindAddress) {
            return new ListenerConfig(bindAddress, advertisedHost, bootstrapPort, brokerPortBase, minNodeId, maxBrokers);
        }

        public ListenerConfig withAdvertisedHost(String advertisedHost) {
            return new ListenerConfig(bindAddress, advertisedHost, bootstrapPort, brokerPortBase, minNodeId, maxBrokers);
        }

        public ListenerConfig withBootstrapPort(int bootstrapPort) {
            return new ListenerConfig(bindAddress, advertisedHost, bootstrapPort, brokerPortBase, minNodeId, maxBrokers);
        }

        public ListenerConfig withBrokerPortBase(int brokerPortBase) {
            return new ListenerConfig(bindAddress, advertisedHost, bootstrapPort, brokerPortBase, minNodeId, maxBrokers);
        }

        public ListenerConfig withMinNodeId(OptionalInt minNodeId) {
            return new ListenerConfig(bindAddress, advertisedHost, bootstrapPort, brokerPortBase, minNodeId, maxBrokers);
        }

        public ListenerConfig withMaxBrokers(int maxBrokers) {
            return new ListenerConfig(bindAddress, advertisedHost, bootstrapPort, brokerPortBase, minNodeId, maxBrokers);
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
