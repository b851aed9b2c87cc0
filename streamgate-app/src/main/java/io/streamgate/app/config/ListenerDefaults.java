package io.streamgate.app.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.function.Supplier;

/**
 * Fills in {@code bind} and {@code advertisedHost} when no source set them, from the other keys:
 * <ul>
 *   <li>{@code bind}: {@code 127.0.0.1} when the embedded Kafka is used (a development setup should not be
 *       reachable from the network by accident), {@code 0.0.0.0} when an upstream cluster is configured;</li>
 *   <li>{@code advertisedHost}: {@code localhost} when bind is a loopback address; the machine's canonical host
 *       name when bind is a wildcard address; otherwise the bind address itself.</li>
 * </ul>
 */
final class ListenerDefaults {

    static final String LOOPBACK = "127.0.0.1";
    static final String WILDCARD = "0.0.0.0";

    private final Supplier<String> canonicalHostName;

    /** @param canonicalHostName this machine's host name as other machines know it */
    ListenerDefaults(Supplier<String> canonicalHostName) {
        this.canonicalHostName = canonicalHostName;
    }

    static ListenerDefaults forThisMachine() {
        return new ListenerDefaults(() -> {
            try {
                return InetAddress.getLocalHost().getCanonicalHostName();
            } catch (UnknownHostException e) {
                throw new ConfigException("advertisedHost: cannot determine this machine's host name to advertise"
                        + " with a wildcard bind address (" + e.getMessage() + "); set advertisedHost");
            }
        });
    }

    /** {@code merged} with {@code bind} and {@code advertisedHost} set if they were not. */
    ConfigLayer apply(ConfigLayer merged, ConfigSchema schema) {
        ConfigLayer.Builder derived = ConfigLayer.builder(schema);
        ConfigKey bindKey = schema.key("bind").orElseThrow();
        String bind = merged.value(bindKey).map(node -> node.asText().trim()).orElse(null);
        if (bind == null) {
            boolean upstreamConfigured = merged.value(schema.key("upstream.bootstrapServers").orElseThrow())
                    .map(node -> node.isArray() ? !node.isEmpty() : !node.asText().isBlank())
                    .orElse(false);
            bind = upstreamConfigured ? WILDCARD : LOOPBACK;
            derived.set("bind", bind, upstreamConfigured
                    ? "default, because an upstream cluster is configured"
                    : "default, because the embedded Kafka is used");
        }
        if (merged.value(schema.key("advertisedHost").orElseThrow()).isEmpty() && !bind.isEmpty()) {
            derived.set("advertisedHost", advertisedHostFor(bind), "default, derived from bind " + bind);
        }
        return merged.overriddenBy(derived.build());
    }

    private String advertisedHostFor(String bind) {
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            // Binding will fail with its own clear error; advertising the name as given is the best guess.
            return bind;
        }
        if (address.isLoopbackAddress()) {
            return "localhost";
        }
        if (address.isAnyLocalAddress()) {
            return canonicalHostName.get();
        }
        return bind;
    }
}
