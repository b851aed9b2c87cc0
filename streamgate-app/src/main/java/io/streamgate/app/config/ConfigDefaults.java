package io.streamgate.app.config;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.streamgate.core.GatewayConfig;
import io.streamgate.core.auth.AuthenticationConfig;
import io.streamgate.state.kafka.KafkaResourceStoreConfig;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The lowest layer: a default for every key except those with a {@link DerivedDefault}. Where the engine has a
 * default of its own, it is taken from {@link GatewayConfig} so the two cannot drift apart.
 */
public final class ConfigDefaults {

    /** Where Streamgate keeps its state by default, relative to the working directory. */
    public static final String DATA_DIR = "./streamgate-data";
    public static final String PLUGINS_DIR = "./plugins";
    /** The default port of the admin HTTP server. */
    public static final int ADMIN_PORT = 8888;

    private ConfigDefaults() {
    }

    /** The defaults layer, for this machine (the default of {@code ioThreads} is its processor count). */
    public static ConfigLayer layer() {
        GatewayConfig.ListenerConfig listener = GatewayConfig.ListenerConfig.defaults();
        // The core's upstream defaults need a server to be valid; only their durations are read here.
        GatewayConfig.UpstreamConfig upstream = GatewayConfig.UpstreamConfig.defaults(List.of("unused:1"));
        ConfigLayer.Builder layer = ConfigLayer.builder(ConfigSchema.streamgate());
        authenticationDefaults(layer, "authentication.");
        return layer
                .set("port", IntNode.valueOf(listener.bootstrapPort()), "default")
                .set("adminPort", IntNode.valueOf(ADMIN_PORT), "default")
                .set("dataDir", DATA_DIR, "default")
                .set("pluginsDir", PLUGINS_DIR, "default")
                .set("resourcesDir", NullNode.getInstance(), "default")
                .set("maxRequestFrameBytes", IntNode.valueOf(GatewayConfig.DEFAULT_MAX_REQUEST_FRAME_BYTES), "default")
                .set("shutdownTimeout", duration(GatewayConfig.DEFAULT_SHUTDOWN_TIMEOUT), "default")
                .set("ioThreads", IntNode.valueOf(Runtime.getRuntime().availableProcessors()), "default")
                .set("streamFetchResponses", BooleanNode.TRUE, "default")
                .set("brokerPorts.base", IntNode.valueOf(listener.brokerPortBase()), "default")
                .set("brokerPorts.minNodeId", "auto", "default")
                .set("brokerPorts.maxBrokers", IntNode.valueOf(listener.maxBrokers()), "default")
                .set("securityProtocol", "plaintext", "default")
                .set("tls", JsonNodeFactory.instance.objectNode(), "default")
                .set("routing", "ports", "default")
                .set("sni.bootstrapHost", NullNode.getInstance(), "default")
                .set("sni.brokerHostPattern", NullNode.getInstance(), "default")
                .set("sni.advertisedPort", IntNode.valueOf(0), "default")
                .set("virtualCluster", NullNode.getInstance(), "default")
                .set("requireVirtualCluster", BooleanNode.FALSE, "default")
                .set("tlsReloadInterval", duration(GatewayConfig.DEFAULT_TLS_RELOAD_INTERVAL), "default")
                .set("listeners", JsonNodeFactory.instance.arrayNode(), "default")
                .set("upstream.bootstrapServers", JsonNodeFactory.instance.arrayNode(), "default")
                .set("upstream.connectTimeout", duration(upstream.connectTimeout()), "default")
                .set("upstream.metadataRefreshInterval", duration(upstream.metadataRefreshInterval()), "default")
                .set("upstream.brokerRemovalDelay", duration(upstream.brokerRemovalDelay()), "default")
                .set("upstream.properties", JsonNodeFactory.instance.objectNode(), "default")
                .set("store.type", "file", "default")
                .set("store.topic", KafkaResourceStoreConfig.DEFAULT_TOPIC, "default")
                .set("admin.tokens", JsonNodeFactory.instance.arrayNode(), "default")
                .set("admin.users", JsonNodeFactory.instance.arrayNode(), "default")
                .set("tokens.signingKey", NullNode.getInstance(), "default")
                .set("tokens.maxLifetime", "30d", "default")
                .build();
    }

    /** The defaults of a listener's {@code authentication} keys, under {@code prefix}: the core's own. */
    static void authenticationDefaults(ConfigLayer.Builder layer, String prefix) {
        AuthenticationConfig authentication = AuthenticationConfig.defaults();
        ArrayNode mechanisms = JsonNodeFactory.instance.arrayNode();
        authentication.saslMechanisms().forEach(mechanisms::add);
        layer.set(prefix + "mode", authentication.mode().name().toLowerCase(Locale.ROOT), "default")
                .set(prefix + "saslMechanisms", mechanisms, "default")
                .set(prefix + "oauthBearer", JsonNodeFactory.instance.objectNode(), "default")
                .set(prefix + "principalMappingRules", authentication.principalMappingRules(), "default")
                .set(prefix + "maxSessionLifetime", duration(authentication.maxSessionLifetime()), "default")
                .set(prefix + "authenticationTimeout", duration(authentication.authenticationTimeout()), "default")
                .set(prefix + "maxUnauthenticatedFrameBytes",
                        IntNode.valueOf(authentication.maxUnauthenticatedFrameBytes()), "default");
    }

    private static String duration(Duration duration) {
        return DurationText.format(duration);
    }
}
