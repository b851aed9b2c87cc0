package io.streamgate.app.config;

import io.streamgate.admin.security.AdminAuthenticator;
import io.streamgate.admin.security.AdminToken;
import io.streamgate.admin.security.AdminUser;
import io.streamgate.core.address.HostPort;
import io.streamgate.core.GatewayConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The whole configuration of one Streamgate process, after every source has been merged (see
 * {@link ConfigLoader}). The record components are the configuration keys: their names are the YAML keys, and
 * their paths give the environment variable names ({@link EnvironmentNames}). Adding a component here adds the key
 * everywhere, including the help text; only {@link ConfigDefaults} needs its default.
 *
 * @param port the bootstrap port clients connect to; broker ports follow it unless {@code brokerPorts.base} is set
 * @param adminPort the port of the admin HTTP server (health, metrics); 0 picks a free port
 * @param bind the local address the gateway and admin ports bind to
 * @param advertisedHost the host name the gateway tells clients to connect to
 * @param dataDir where Streamgate keeps its state, including the embedded Kafka's data
 * @param pluginsDir where jars of third-party interceptor plugins are dropped
 * @param resourcesDir a directory of resource files (YAML or JSON) applied to the resource store at every start,
 *     GitOps style; none by default
 * @param maxRequestFrameBytes the largest request a client may send
 * @param shutdownTimeout how long a graceful shutdown waits for in-flight requests
 * @param ioThreads the gateway's event-loop threads
 * @param streamFetchResponses whether Fetch is offered up to v15 only, so that large Fetch responses reach consumers
 *     as their bytes arrive (see {@link GatewayConfig#withStreamFetchResponses})
 * @param brokerPorts how broker node ids map to gateway ports
 * @param upstream the Kafka cluster behind the gateway; none means the embedded one
 * @param store where resources (interceptors) are kept
 * @param admin who may use the admin API
 */
public record StreamgateConfig(
        @Range(min = 1, max = 65535) int port,
        @Range(min = 0, max = 65535) int adminPort,
        @DerivedDefault("127.0.0.1 with the embedded Kafka, 0.0.0.0 with an upstream cluster") String bind,
        @DerivedDefault("localhost if bind is loopback, the host name if bind is a wildcard, else bind")
        String advertisedHost,
        Path dataDir,
        Path pluginsDir,
        Optional<Path> resourcesDir,
        @Range(min = 1024, max = Integer.MAX_VALUE) int maxRequestFrameBytes,
        Duration shutdownTimeout,
        @Range(min = 1, max = 1024) int ioThreads,
        boolean streamFetchResponses,
        BrokerPorts brokerPorts,
        Upstream upstream,
        Store store,
        Admin admin) {

    public StreamgateConfig {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(advertisedHost, "advertisedHost");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(pluginsDir, "pluginsDir");
        Objects.requireNonNull(resourcesDir, "resourcesDir");
        Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
        Objects.requireNonNull(brokerPorts, "brokerPorts");
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(admin, "admin");
    }

    /** True when no upstream cluster is configured, so Streamgate runs its own single-node Kafka. */
    public boolean usesEmbeddedKafka() {
        return upstream.bootstrapServers().isEmpty();
    }

    /**
     * The engine's configuration: the one place where Streamgate's configuration becomes the core's.
     *
     * @param upstreamBootstrapServers the cluster to front: the configured one, or the embedded Kafka's address
     */
    public GatewayConfig toGatewayConfig(List<String> upstreamBootstrapServers) {
        GatewayConfig.ListenerConfig listener = new GatewayConfig.ListenerConfig(
                bind, advertisedHost, port, brokerPorts.base(), brokerPorts.minNodeId(), brokerPorts.maxBrokers());
        GatewayConfig.UpstreamConfig upstreamConfig = new GatewayConfig.UpstreamConfig(
                upstreamBootstrapServers,
                upstream.properties(),
                upstream.connectTimeout(),
                upstream.metadataRefreshInterval(),
                upstream.brokerRemovalDelay());
        return new GatewayConfig(List.of(listener), upstreamConfig, maxRequestFrameBytes, shutdownTimeout, ioThreads,
                new GatewayConfig.PluginsConfig(pluginsDir, dataDir), streamFetchResponses,
                GatewayConfig.DEFAULT_TLS_RELOAD_INTERVAL);
    }

    /**
     * Which gateway port each upstream broker gets: {@code port = base + (nodeId - minNodeId)}.
     *
     * @param base the port of the broker with the lowest node id; 0 means {@code port + 1}
     * @param minNodeId the node id that maps to {@code base}; {@code auto} (empty) means the lowest node id seen.
     *     Set it when several gateway instances must agree before they see the cluster.
     * @param maxBrokers how many consecutive broker ports the gateway may bind
     */
    public record BrokerPorts(
            @Range(min = 0, max = 65535) int base,
            @Range(min = 0, max = Integer.MAX_VALUE) OptionalInt minNodeId,
            @Range(min = 1, max = 65535) int maxBrokers) {

        public BrokerPorts {
            Objects.requireNonNull(minNodeId, "minNodeId");
        }

        /** The first broker port, given the bootstrap port. */
        public int effectiveBase(int bootstrapPort) {
            return base == 0 ? bootstrapPort + 1 : base;
        }
    }

    /**
     * The upstream Kafka cluster.
     *
     * @param bootstrapServers brokers of the cluster to front; empty starts the embedded single-node Kafka
     * @param connectTimeout how long opening a connection to a broker may take
     * @param metadataRefreshInterval how often the gateway re-reads the cluster's brokers on its own
     * @param brokerRemovalDelay how long a broker must be absent before its gateway port is closed
     * @param properties ordinary Kafka client properties for the gateway's own connections to Kafka
     *     ({@code security.protocol}, {@code ssl.*}, {@code sasl.*}, timeouts)
     */
    public record Upstream(
            List<HostPort> bootstrapServers,
            Duration connectTimeout,
            Duration metadataRefreshInterval,
            Duration brokerRemovalDelay,
            Map<String, String> properties) {

        public Upstream {
            bootstrapServers = List.copyOf(bootstrapServers);
            properties = Map.copyOf(properties);
            Objects.requireNonNull(connectTimeout, "connectTimeout");
            Objects.requireNonNull(metadataRefreshInterval, "metadataRefreshInterval");
            Objects.requireNonNull(brokerRemovalDelay, "brokerRemovalDelay");
        }

        /** The bootstrap servers as Kafka writes them, {@code host:port}. */
        public List<String> bootstrapServerList() {
            return bootstrapServers.stream().map(HostPort::toString).toList();
        }
    }

    /**
     * Where resources live.
     *
     * @param type {@code file}: one file in the data directory, for a single instance; {@code kafka}: a compacted
     *     topic on the upstream cluster, shared by every instance that names it
     * @param topic the topic of the {@code kafka} store, reached with the upstream client properties
     */
    public record Store(StoreType type, String topic) {

        public Store {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(topic, "topic");
        }
    }

    /** The kinds of resource store. */
    public enum StoreType {
        /** {@code <dataDir>/resources/resources.json}, for one instance. */
        FILE,
        /** A compacted topic of the upstream cluster, shared by instances. */
        KAFKA
    }

    /**
     * Who may use the admin API. With neither tokens nor users, a token is generated in
     * {@code <dataDir>/admin-token} on first start.
     *
     * @param tokens bearer tokens, each with a name and a role ({@code admin} or {@code viewer})
     * @param users HTTP basic users, each with a password and a role
     */
    public record Admin(List<AdminToken> tokens, List<AdminUser> users) {

        public Admin {
            tokens = List.copyOf(tokens);
            users = List.copyOf(users);
            // Refuses two tokens or users with one name, or two tokens with one secret.
            new AdminAuthenticator(tokens, users);
        }

        /** Whether any credential is configured. */
        public boolean hasCredentials() {
            return !tokens.isEmpty() || !users.isEmpty();
        }
    }
}
