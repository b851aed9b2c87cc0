package io.streamgate.plugins.policy.fetch;

import io.streamgate.api.Interceptor;
import io.streamgate.api.InterceptorPlugin;
import io.streamgate.api.InvalidConfigException;
import io.streamgate.api.PluginConfig;
import io.streamgate.api.PluginContext;
import io.streamgate.api.PolicyAction;
import io.streamgate.plugins.policy.RuleAction;
import io.streamgate.plugins.policy.SchemaResource;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code fetch-policy}: checks Fetch requests. Each rule is a configuration object, checked only when present:
 * {@code isolationLevel}, {@code maxBytes}, {@code minBytes}, {@code maxWaitMs}, {@code rackId}, {@code apiVersion}.
 */
public final class FetchPolicyPlugin implements InterceptorPlugin {

    public static final String ID = "fetch-policy";

    private static final Set<PolicyAction> ALL_ACTIONS = Set.of(PolicyAction.BLOCK, PolicyAction.INFO,
            PolicyAction.OVERRIDE);
    private static final Set<PolicyAction> NO_OVERRIDE = Set.of(PolicyAction.BLOCK, PolicyAction.INFO);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Fetch policy";
    }

    @Override
    public String description() {
        return "Refuses, reports or rewrites fetches that break rules on isolation level, fetch sizes and waits, "
                + "rack id and Fetch versions.";
    }

    @Override
    public String configSchema() {
        return SchemaResource.load(FetchPolicyPlugin.class, ID);
    }

    @Override
    public Interceptor create(PluginConfig config, PluginContext context) {
        Bounds apiVersion = config.has("apiVersion")
                ? bounds(config, "apiVersion", "Fetch version", NO_OVERRIDE) : null;
        PolicyAction isolationLevel = config.has("isolationLevel")
                ? RuleAction.of(config.object("isolationLevel"), "isolationLevel.action", ALL_ACTIONS) : null;
        Map<FetchLimit, Bounds> limits = new EnumMap<>(FetchLimit.class);
        for (FetchLimit limit : FetchLimit.values()) {
            if (config.has(limit.rule)) {
                limits.put(limit, bounds(config, limit.rule, "fetch " + limit.rule, ALL_ACTIONS));
            }
        }
        PolicyAction rackId = config.has("rackId") && config.object("rackId").bool("required", true)
                ? RuleAction.of(config.object("rackId"), "rackId.action", NO_OVERRIDE) : null;
        return new FetchPolicyInterceptor(apiVersion, isolationLevel, limits, rackId);
    }

    private static Bounds bounds(PluginConfig config, String rule, String subject, Set<PolicyAction> actions) {
        PluginConfig bounds = config.object(rule);
        long min = bounds.number("min", 0);
        long max = bounds.number("max", Integer.MAX_VALUE);
        if (min > max) {
            throw new InvalidConfigException(rule, "min " + min + " is above max " + max);
        }
        return new Bounds(rule, subject, min, max, RuleAction.of(bounds, rule + ".action", actions));
    }
}
