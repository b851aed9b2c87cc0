package io.streamgate.plugins.policy.topicrules;

import io.streamgate.api.InvalidConfigException;
import io.streamgate.api.PluginConfig;
import io.streamgate.api.PolicyAction;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rule for one topic config key: the values it may take (a list, or numeric bounds), whether it must be set,
 * and the value OVERRIDE puts in place of a missing or disallowed one.
 *
 * <p>A value with commas is a list in Kafka (e.g. {@code cleanup.policy=compact,delete}): each of its items must be
 * allowed. For {@code retention.ms} and {@code retention.bytes}, a negative value means unlimited, which breaks any
 * maximum and no minimum.
 *
 * @param key the config key, e.g. {@code retention.ms}
 * @param allowed the values allowed; empty when any is
 * @param bounds numeric bounds; empty when none
 * @param required whether a missing value breaks the rule
 * @param defaultValue what OVERRIDE sets when the value is missing, not allowed or not a number; null when none
 */
public record ConfigRule(String key, List<String> allowed, NumberBounds bounds, boolean required, String defaultValue,
                         PolicyAction action) {

    private static final Set<String> UNLIMITED_WHEN_NEGATIVE = Set.of("retention.ms", "retention.bytes");

    /** The rule the configuration object {@code rule} gives for {@code key}; {@code field} names it in errors. */
    public static ConfigRule from(String key, PluginConfig rule, String field) {
        ConfigRule parsed = new ConfigRule(key, rule.strings("allowed"), NumberBounds.from(rule, field),
                rule.bool("required", false), text(rule.asMap().get("default")), PolicyActions.from(rule, field));
        if (!parsed.allowed.isEmpty() && !parsed.bounds.isEmpty()) {
            throw new InvalidConfigException(field, "give either allowed or min/max, not both");
        }
        if (parsed.defaultValue != null && parsed.check(parsed.defaultValue).isPresent()) {
            throw new InvalidConfigException(field + ".default", "breaks its own rule");
        }
        return parsed;
    }

    /** The rule's name: a metric label. */
    public String rule() {
        return "configs." + key;
    }

    /** The breach of this rule by {@code value}, if any. */
    public Optional<Breach> check(String value) {
        if (value == null) {
            return required
                    ? Optional.of(new Breach(rule(), action, "unset", key + " is not set and is required", defaultValue))
                    : Optional.empty();
        }
        if (!allowed.isEmpty()) {
            boolean allAllowed = Arrays.stream(value.split(",", -1)).map(String::trim).allMatch(allowed::contains);
            return allAllowed ? Optional.empty() : Optional.of(new Breach(rule(), action, value,
                    key + " " + value + " is not one of the allowed values " + allowed, defaultValue));
        }
        if (bounds.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal number;
        try {
            number = new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            return Optional.of(new Breach(rule(), action, value, key + " " + value + " is not a number", defaultValue));
        }
        if (number.signum() < 0 && UNLIMITED_WHEN_NEGATIVE.contains(key)) {
            return bounds.checkUnlimited(rule(), action, key, value);
        }
        return bounds.check(rule(), action, key, number);
    }

    private static String text(Object value) {
        return value == null ? null : value instanceof Number number ? new BigDecimal(number.toString()).toPlainString()
                : value.toString();
    }
}
