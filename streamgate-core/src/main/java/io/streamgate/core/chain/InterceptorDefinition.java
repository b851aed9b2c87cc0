package io.streamgate.core.chain;

import io.streamgate.api.Scope;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One interceptor as an operator declares it: which plugin, with what configuration, for whom, in which
 * position. The identity of an interceptor is its name and scope; the same name at a narrower scope
 * replaces the broader one for the connections it matches.
 *
 * @param name the interceptor's name
 * @param pluginId the {@link io.streamgate.api.InterceptorPlugin#id()} of its plugin
 * @param priority lower runs first on requests (and last on responses)
 * @param scope whom it applies to
 * @param config the plugin configuration, as plain JSON values; {@code ${VAR}} not yet replaced
 * @param timeout how long one hook call may take before the request fails
 */
public record InterceptorDefinition(String name, String pluginId, int priority, Scope scope,
                                    Map<String, Object> config, Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public InterceptorDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pluginId, "pluginId");
        scope = scope == null ? Scope.GLOBAL : scope;
        config = config == null ? Map.of() : config;
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    /** Identity within the registry. */
    public Key key() {
        return new Key(name, scope);
    }

    /** An interceptor's identity: its name within its scope. */
    public record Key(String name, Scope scope) {
        @Override
        public String toString() {
            return name + (scope.isGlobal() ? "" : " [" + scope + "]");
        }
    }
}
