package io.streamgate.plugins.policy.topicrules;

import io.streamgate.api.PluginConfig;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The rules on topic configs that both topic policies take from their {@code configs} field: one
 * {@link ConfigRule} per config key. Immutable.
 */
public final class TopicConfigRules {

    private final Map<String, ConfigRule> rules;

    private TopicConfigRules(Map<String, ConfigRule> rules) {
        this.rules = rules;
    }

    /** The rules of the configuration field {@code field}; none when it is absent. */
    public static TopicConfigRules from(PluginConfig config, String field) {
        PluginConfig configs = config.object(field);
        Map<String, ConfigRule> rules = new LinkedHashMap<>();
        for (String key : configs.asMap().keySet()) {
            rules.put(key, ConfigRule.from(key, configs.object(key), field + "." + key));
        }
        return new TopicConfigRules(Map.copyOf(rules));
    }

    public Collection<ConfigRule> all() {
        return rules.values();
    }

    /** The rule for {@code key}, if there is one. */
    public Optional<ConfigRule> rule(String key) {
        return Optional.ofNullable(rules.get(key));
    }

    /**
     * Enforces every rule on the complete set of configs a topic is given (a creation, or a legacy AlterConfigs that
     * replaces them all): values checked, missing required keys too.
     *
     * @param configs config keys to values; a null value counts as missing
     * @param override sets a config key to a value in the request, for OVERRIDE
     */
    public void enforce(Map<String, String> configs, TopicEnforcement enforcement, BiConsumer<String, String> override) {
        for (ConfigRule rule : rules.values()) {
            rule.check(configs.get(rule.key())).ifPresent(breach ->
                    enforcement.enforce(breach, value -> override.accept(rule.key(), value)));
        }
    }
}
