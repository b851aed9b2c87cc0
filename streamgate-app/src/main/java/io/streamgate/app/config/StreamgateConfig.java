package io.streamgate.app.config;

import io.streamgate.admin.security.AdminAuthenticator;
import io.streamgate.admin.security.AdminToken;
import io.streamgate.admin.security.AdminUser;
import io.streamgate.core.address.HostPort;
import io.streamgate.core.GatewayConfig;
import io.streamgate.core.auth.AuthenticationConfig;
import io.streamgate.core.auth.AuthenticationMode;
import io.streamgate.core.listener.ListenerRouting;
import org.apache.kafka.common.security.auth.SecurityProtocol;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

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
 * @param securityProtocol what clients speak to the default listener: {@code plaintext} (the default), {@code ssl},
 *     {@code sasl_plaintext} or {@code sasl_ssl}
 * @param tls the default listener's TLS, in Kafka's broker property names ({@code ssl.keystore.location},
 *     {@code ssl.keystore.type}, {@code ssl.client.auth}, {@code ssl.enabled.protocols}, ...)
 * @param routing how the default listener picks a connection's broker: {@code ports} (a port per broker) or
 *     {@code sni} (one TLS port, the TLS server name names the broker; see {@code sni})
 * @param sni the host names of SNI routing
 * @param authentication how clients of the default listener authenticate
 * @param virtualCluster the virtual cluster every connection of the default listener lands in; none means each
 *     connection lands in its service account's virtual cluster, or in the transparent passthrough cluster
 * @param requireVirtualCluster whether connections that land in no virtual cluster are refused
 * @param tlsReloadInterval how often TLS listeners look for changed certificate files
 * @param listeners more listeners besides the default one, each with its own name, port and settings
 * @param upstream the Kafka cluster behind the gateway; none means the embedded one
 * @param store where resources (interceptors) are kept
 * @param admin who may use the admin API
 * @param tokens how gateway tokens (the SASL/PLAIN passwords of local service accounts) are signed and how long
 *     they may live
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
        SecurityProtocol securityProtocol,
        Map<String, String> tls,
        Routing routing,
        Sni sni,
        Authentication authentication,
        Optional<String> virtualCluster,
        boolean requireVirtualCluster,
        Duration tlsReloadInterval,
        List<Listener> listeners,
        Upstream upstream,
        Store store,
        Admin admin,
        Tokens tokens) {

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
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(securityProtocol, "securityProtocol");
        tls = Map.copyOf(tls);
        Objects.requireNonNull(routing, "routing");
        Objects.requireNonNull(sni, "sni");
        Objects.requireNonNull(authentication, "authentication");
        Objects.requireNonNull(virtualCluster, "virtualCluster");
        Objects.requireNonNull(tlsReloadInterval, "tlsReloadInterval");
        listeners = List.copyOf(listeners);
        Set<String> names = new HashSet<>(Set.of(GatewayConfig.ListenerConfig.DEFAULT_NAME));
        for (Listener listener : listeners) {
            if (!names.add(listener.name())) {
                throw new IllegalArgumentException("listeners: two listeners named " + listener.name() + " (the "
                        + "top-level one is named " + GatewayConfig.ListenerConfig.DEFAULT_NAME + ")");
            }
        }
        // Fails now, with the key names, rather than when the gateway starts.
        List<GatewayConfig.ListenerConfig> listenerConfigs = listenerConfigs(port, bind, advertisedHost, brokerPorts,
                securityProtocol, tls, routing, sni, authentication, virtualCluster, listeners);
        if (requireVirtualCluster) {
            for (GatewayConfig.ListenerConfig listener : listenerConfigs) {
                if (listener.virtualCluster() == null && !listener.identifiesClients()) {
                    throw new IllegalArgumentException("requireVirtualCluster: listener " + listener.name()
                            + " neither authenticates its clients (SASL, or ssl.client.auth=required) nor names a "
                            + "virtualCluster, so its connections could land in none");
                }
            }
        }
    }

    /** Every listener as the engine takes it: the default one (the top-level keys) first, then {@code listeners}. */
    public List<GatewayConfig.ListenerConfig> listenerConfigs() {
        return listenerConfigs(port, bind, advertisedHost, brokerPorts, securityProtocol, tls, routing, sni,
                authentication, virtualCluster, listeners);
    }

    private static List<GatewayConfig.ListenerConfig> listenerConfigs(
            int port, String bind, String advertisedHost, BrokerPorts brokerPorts, SecurityProtocol securityProtocol,
            Map<String, String> tls, Routing routing, Sni sni, Authentication authentication,
            Optional<String> virtualCluster, List<Listener> listeners) {
        List<GatewayConfig.ListenerConfig> all = new ArrayList<>();
        all.add(listenerConfig(GatewayConfig.ListenerConfig.DEFAULT_NAME, "", bind, advertisedHost, port, brokerPorts,
                securityProtocol, tls, routing, sni, authentication, virtualCluster));
        for (Listener listener : listeners) {
            all.add(listenerConfig(listener.name(), "listeners[" + listener.name() + "].",
                    listener.bind().orElse(bind), listener.advertisedHost().orElse(advertisedHost), listener.port(),
                    listener.brokerPorts(), listener.securityProtocol(), listener.tls(), listener.routing(),
                    listener.sni(), listener.authentication(), listener.virtualCluster()));
        }
        return all;
    }

    private static GatewayConfig.ListenerConfig listenerConfig(
            String name, String keyPrefix, String bind, String advertisedHost, int port, BrokerPorts brokerPorts,
            SecurityProtocol securityProtocol, Map<String, String> tls, Routing routing, Sni sni,
            Authentication authentication, Optional<String> virtualCluster) {
        ListenerRouting listenerRouting = new ListenerRouting.Ports();
        if (routing == Routing.SNI) {
            if (sni.bootstrapHost().isEmpty() || sni.brokerHostPattern().isEmpty()) {
                throw new IllegalArgumentException(keyPrefix + "routing: sni needs " + keyPrefix + "sni.bootstrapHost "
                        + "and " + keyPrefix + "sni.brokerHostPattern");
            }
            try {
                listenerRouting = new ListenerRouting.Sni(sni.bootstrapHost().get(), sni.brokerHostPattern().get(),
                        sni.advertisedPort());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(keyPrefix + "sni: " + e.getMessage());
            }
        }
        return new GatewayConfig.ListenerConfig(name, bind, advertisedHost, port, brokerPorts.base(),
                brokerPorts.minNodeId(), brokerPorts.maxBrokers(), securityProtocol, tls, listenerRouting,
                authentication.toCore(), virtualCluster.orElse(null));
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
        GatewayConfig.UpstreamConfig upstreamConfig = new GatewayConfig.UpstreamConfig(
                upstreamBootstrapServers,
                upstream.properties(),
                upstream.connectTimeout(),
                upstream.metadataRefreshInterval(),
                upstream.brokerRemovalDelay());
        return new GatewayConfig(listenerConfigs(), upstreamConfig, maxRequestFrameBytes, shutdownTimeout, ioThreads,
                new GatewayConfig.PluginsConfig(pluginsDir, dataDir), streamFetchResponses, tlsReloadInterval,
                requireVirtualCluster);
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

    /** How a listener picks the broker of a connection. */
    public enum Routing {
        /** One bootstrap port, then one port per broker. */
        PORTS,
        /** One TLS port; the server name of the TLS handshake names the broker. */
        SNI
    }

    /**
     * The host names of SNI routing.
     *
     * @param bootstrapHost the name clients bootstrap from, e.g. {@code bootstrap.gw.example.com}
     * @param brokerHostPattern the name of broker n, with {@code {nodeId}} for n, e.g.
     *     {@code broker-{nodeId}.gw.example.com}
     * @param advertisedPort the port clients are told, when a load balancer listens on another one; 0 means the
     *     listener's own port
     */
    public record Sni(
            Optional<String> bootstrapHost,
            Optional<String> brokerHostPattern,
            @Range(min = 0, max = 65535) int advertisedPort) {

        public Sni {
            Objects.requireNonNull(bootstrapHost, "bootstrapHost");
            Objects.requireNonNull(brokerHostPattern, "brokerHostPattern");
        }
    }

    /**
     * How clients authenticate on a listener (see {@link AuthenticationConfig}).
     *
     * @param mode {@code gateway}: the gateway authenticates clients itself; {@code delegated}: the client's SASL
     *     exchange is relayed to Kafka
     * @param saslMechanisms the SASL mechanisms offered, e.g. {@code PLAIN,SCRAM-SHA-512}
     * @param oauthBearer OAUTHBEARER validation settings in Kafka's {@code sasl.oauthbearer.*} names
     * @param principalMappingRules how a client certificate's subject becomes a principal, in Kafka's
     *     {@code ssl.principal.mapping.rules} syntax
     * @param maxSessionLifetime how long an authenticated session lasts before the client must re-authenticate;
     *     0 means no limit
     * @param authenticationTimeout how long a client may take to authenticate
     * @param maxUnauthenticatedFrameBytes the largest frame accepted before authentication
     */
    public record Authentication(
            AuthenticationMode mode,
            List<String> saslMechanisms,
            Map<String, String> oauthBearer,
            String principalMappingRules,
            Duration maxSessionLifetime,
            Duration authenticationTimeout,
            @Range(min = 1, max = Integer.MAX_VALUE) int maxUnauthenticatedFrameBytes) {

        public Authentication {
            Objects.requireNonNull(mode, "mode");
            saslMechanisms = List.copyOf(saslMechanisms);
            oauthBearer = Map.copyOf(oauthBearer);
            Objects.requireNonNull(principalMappingRules, "principalMappingRules");
            Objects.requireNonNull(maxSessionLifetime, "maxSessionLifetime");
            Objects.requireNonNull(authenticationTimeout, "authenticationTimeout");
        }

        AuthenticationConfig toCore() {
            return new AuthenticationConfig(mode, saslMechanisms, oauthBearer, principalMappingRules,
                    maxSessionLifetime, authenticationTimeout, maxUnauthenticatedFrameBytes);
        }
    }

    /**
     * A listener besides the default one, in the {@code listeners} list. Its keys mean what the top-level keys of
     * the same name mean for the default listener.
     *
     * @param name the listener's name, unique; connections and metrics report it
     * @param port its bootstrap port (with SNI routing, its only port)
     * @param bind the local address it binds; none means the top-level {@code bind}
     * @param advertisedHost the host clients are told (port routing); none means the top-level {@code advertisedHost}
     * @param virtualCluster the virtual cluster every connection of this listener lands in, if any
     */
    public record Listener(
            String name,
            @Range(min = 1, max = 65535) int port,
            Optional<String> bind,
            Optional<String> advertisedHost,
            BrokerPorts brokerPorts,
            SecurityProtocol securityProtocol,
            Map<String, String> tls,
            Routing routing,
            Sni sni,
            Authentication authentication,
            Optional<String> virtualCluster) {

        public Listener {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(bind, "bind");
            Objects.requireNonNull(advertisedHost, "advertisedHost");
            Objects.requireNonNull(brokerPorts, "brokerPorts");
            Objects.requireNonNull(securityProtocol, "securityProtocol");
            tls = Map.copyOf(tls);
            Objects.requireNonNull(routing, "routing");
            Objects.requireNonNull(sni, "sni");
            Objects.requireNonNull(authentication, "authentication");
            Objects.requireNonNull(virtualCluster, "virtualCluster");
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

    /**
     * Gateway tokens: what local service accounts present as their SASL/PLAIN password.
     *
     * @param signingKey the HMAC-SHA256 key, base64 of at least 32 random bytes ({@code openssl rand -base64 32});
     *     none: a key generated once into {@code <dataDir>/token-signing-key}. Instances sharing a Kafka resource
     *     store must share this key, or each accepts only the tokens it minted.
     * @param maxLifetime the longest lifetime {@code POST /api/v1/tokens} grants
     */
    public record Tokens(@Secret Optional<String> signingKey, Duration maxLifetime) {

        public Tokens {
            Objects.requireNonNull(signingKey, "signingKey");
            if (maxLifetime.isZero() || maxLifetime.isNegative()) {
                throw new IllegalArgumentException("maxLifetime must be positive");
            }
        }

        /** Leaves the key out: configuration records may be logged. */
        @Override
        public String toString() {
            return "Tokens[signingKey=" + (signingKey.isPresent() ? "(set)" : "(generated)") + ", maxLifetime="
                    + maxLifetime + "]";
        }
    }
}
