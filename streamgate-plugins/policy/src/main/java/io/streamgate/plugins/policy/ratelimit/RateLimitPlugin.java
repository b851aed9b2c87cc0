package io.streamgate.plugins.policy.ratelimit;

import io.streamgate.api.Interceptor;
import io.streamgate.api.InterceptorPlugin;
import io.streamgate.api.InvalidConfigException;
import io.streamgate.api.PluginConfig;
import io.streamgate.api.PluginContext;
import io.streamgate.api.PolicyAction;
import io.streamgate.plugins.policy.SchemaResource;

import java.util.function.LongSupplier;

/**
 * {@code rate-limit-policy}: produce and fetch bytes per second, JoinGroup and OffsetCommit requests per minute, new
 * connections per second, per principal, client id or virtual cluster, enforced with the protocol's throttle time (or,
 * for connections, by delaying them). Limits are per gateway instance.
 */
public final class RateLimitPlugin implements InterceptorPlugin {

    public static final String ID = "rate-limit-policy";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Rate limit policy";
    }

    @Override
    public String description() {
        return "Limits produce and fetch bytes per second, JoinGroup and OffsetCommit requests per minute and new "
                + "connections per second, per principal, client id or virtual cluster, slowing clients down with the "
                + "protocol's throttle time.";
    }

    @Override
    public String configSchema() {
        return SchemaResource.load(RateLimitPlugin.class, ID);
    }

    @Override
    public Interceptor create(PluginConfig config, PluginContext context) {
        return create(config, System::nanoTime);
    }

    /** The interceptor, measuring time with {@code nanoClock} (tests pass a clock of their own). */
    static RateLimitInterceptor create(PluginConfig config, LongSupplier nanoClock) {
        Quota produce = quota(config, "produceBytesPerSecond", "bytes per second", 1, nanoClock);
        Quota fetch = quota(config, "fetchBytesPerSecond", "bytes per second", 1, nanoClock);
        Quota joinGroups = quota(config, "joinGroupsPerMinute", "requests per minute", 60, nanoClock);
        Quota offsetCommits = quota(config, "offsetCommitsPerMinute", "requests per minute", 60, nanoClock);
        Quota connections = quota(config, "connectionsPerSecond", "connections per second", 1, nanoClock);
        if (produce == null && fetch == null && joinGroups == null && offsetCommits == null && connections == null) {
            throw new InvalidConfigException("produceBytesPerSecond", "set at least one limit: produceBytesPerSecond, "
                    + "fetchBytesPerSecond, joinGroupsPerMinute, offsetCommitsPerMinute or connectionsPerSecond");
        }
        QuotaKey key = QuotaKey.fromConfig(config.string("key", "principal"));
        return new RateLimitInterceptor(key, produce, fetch, joinGroups, offsetCommits,
                PolicyAction.valueOf(config.string("groupAction", "THROTTLE")), connections == null ? null
                        : new ConnectionRateLimit(key, connections,
                                PolicyAction.valueOf(config.string("connectionAction", "THROTTLE"))), nanoClock);
    }

    private static Quota quota(PluginConfig config, String field, String unit, int periodSeconds, LongSupplier clock) {
        return config.number(field).map(limit -> {
            if (limit < 1) {
                throw new InvalidConfigException(field, "must be at least 1, got " + limit);
            }
            return new Quota(field, limit, unit, periodSeconds, clock);
        }).orElse(null);
    }
}
