package io.streamgate.plugins.policy.topicrules;

import io.streamgate.api.InvalidConfigException;
import io.streamgate.api.PluginConfig;
import io.streamgate.api.PolicyAction;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * An inclusive minimum and maximum, either of which may be absent. Decimal so that the same bounds serve
 * partition counts and configs such as {@code min.cleanable.dirty.ratio}.
 *
 * @param min the smallest value allowed, or null for none
 * @param max the largest value allowed, or null for none
 */
public record NumberBounds(BigDecimal min, BigDecimal max) {

    /** The {@code min} and {@code max} of a rule object; {@code field} names it in errors. */
    public static NumberBounds from(PluginConfig rule, String field) {
        NumberBounds bounds = new NumberBounds(decimal(rule, field, "min"), decimal(rule, field, "max"));
        if (bounds.min != null && bounds.max != null && bounds.min.compareTo(bounds.max) > 0) {
            throw new InvalidConfigException(field + ".min", "is above " + field + ".max");
        }
        return bounds;
    }

    public boolean isEmpty() {
        return min == null && max == null;
    }

    /**
     * The breach of these bounds by {@code value}, if any; its replacement is the bound it crosses.
     *
     * @param subject what the value is, for the message, e.g. {@code partitions}
     */
    public Optional<Breach> check(String rule, PolicyAction action, String subject, BigDecimal value) {
        if (min != null && value.compareTo(min) < 0) {
            return Optional.of(new Breach(rule, action, value.toPlainString(),
                    subject + " " + value.toPlainString() + " is below the minimum of " + min.toPlainString(),
                    min.toPlainString()));
        }
        if (max != null && value.compareTo(max) > 0) {
            return Optional.of(aboveMax(rule, action, subject, value.toPlainString(), value.toPlainString()));
        }
        return Optional.empty();
    }

    /** The breach of the maximum by a value that means "unlimited"; none when there is no maximum. */
    public Optional<Breach> checkUnlimited(String rule, PolicyAction action, String subject, String value) {
        return max == null ? Optional.empty() : Optional.of(aboveMax(rule, action, subject, value, value + " (unlimited)"));
    }

    private Breach aboveMax(String rule, PolicyAction action, String subject, String value, String shown) {
        return new Breach(rule, action, value,
                subject + " " + shown + " is above the maximum of " + max.toPlainString(), max.toPlainString());
    }

    private static BigDecimal decimal(PluginConfig rule, String ruleField, String field) {
        Object value = rule.asMap().get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Number number)) {
            throw new InvalidConfigException(ruleField + "." + field, "expected a number, got " + value);
        }
        return new BigDecimal(number.toString());
    }
}
