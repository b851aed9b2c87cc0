package io.streamgate.plugins.policy.group;

import io.streamgate.api.Interceptor;
import io.streamgate.api.InterceptorPlugin;
import io.streamgate.api.InvalidConfigException;
import io.streamgate.api.PluginConfig;
import io.streamgate.api.PluginContext;
import io.streamgate.api.PolicyAction;
import io.streamgate.plugins.policy.RuleAction;
import io.streamgate.plugins.policy.SchemaResource;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code consumer-group-policy}: rules on how members join consumer groups. Configuration: {@code groupId}
 * ({@code pattern}), {@code sessionTimeoutMs} and {@code rebalanceTimeoutMs} ({@code min}, {@code max}),
 * {@code groupInstanceId} ({@code presence}), each with an {@code action}.
 */
public final class ConsumerGroupPolicyPlugin implements InterceptorPlugin {

    public static final String ID = "consumer-group-policy";

    private static final Set<PolicyAction> BLOCK_OR_INFO = Set.of(PolicyAction.BLOCK, PolicyAction.INFO);
    private static final Set<PolicyAction> CLAMPABLE = Set.of(PolicyAction.BLOCK, PolicyAction.INFO,
            PolicyAction.OVERRIDE);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Consumer group policy";
    }

    @Override
    public String description() {
        return "Checks the group ids, session and rebalance timeouts and static membership of the members joining "
                + "consumer groups; blocks, reports or clamps what breaks the rules.";
    }

    @Override
    public String configSchema() {
        return SchemaResource.load(ConsumerGroupPolicyPlugin.class, ID);
    }

    @Override
    public Interceptor create(PluginConfig config, PluginContext context) {
        return new ConsumerGroupPolicyInterceptor(groupId(config),
                timeout(config, "sessionTimeoutMs", "session timeout"),
                timeout(config, "rebalanceTimeoutMs", "rebalance timeout"), instanceId(config));
    }

    private static GroupIdRule groupId(PluginConfig config) {
        if (!config.has(GroupIdRule.NAME)) {
            return GroupIdRule.NONE;
        }
        PluginConfig rule = config.object(GroupIdRule.NAME);
        String field = GroupIdRule.NAME + ".pattern";
        String regex = rule.string("pattern").orElseThrow(() -> new InvalidConfigException(field, "is required"));
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new InvalidConfigException(field, "not a valid regular expression: " + e.getDescription());
        }
        return new GroupIdRule(pattern, RuleAction.of(rule, GroupIdRule.NAME + ".action", BLOCK_OR_INFO));
    }

    private static TimeoutRule timeout(PluginConfig config, String name, String what) {
        if (!config.has(name)) {
            return TimeoutRule.none(name);
        }
        PluginConfig rule = config.object(name);
        long min = rule.number("min", Long.MIN_VALUE);
        long max = rule.number("max", Long.MAX_VALUE);
        if (min > max) {
            throw new InvalidConfigException(name, "min " + min + " is above max " + max);
        }
        return new TimeoutRule(name, what, min, max, RuleAction.of(rule, name + ".action", CLAMPABLE));
    }

    private static InstanceIdRule instanceId(PluginConfig config) {
        if (!config.has(InstanceIdRule.NAME)) {
            return InstanceIdRule.NONE;
        }
        PluginConfig rule = config.object(InstanceIdRule.NAME);
        InstanceIdRule.Presence presence = InstanceIdRule.Presence.valueOf(
                rule.string("presence", "any").toUpperCase(Locale.ROOT));
        return new InstanceIdRule(presence, RuleAction.of(rule, InstanceIdRule.NAME + ".action", BLOCK_OR_INFO));
    }
}
