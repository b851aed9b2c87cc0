package io.streamgate.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * An interceptor's configuration: a JSON object as plain Java values ({@code Map<String, Object>},
 * {@code List<Object>}, {@code String}, {@code Number}, {@code Boolean}, null), already checked against the
 * plugin's schema. The typed getters take top-level field names and throw {@link InvalidConfigException}
 * naming the field when a value has the wrong type. Immutable.
 */
public final class PluginConfig {

    private final Map<String, Object> values;

    public PluginConfig(Map<String, ?> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The whole configuration. */
    public Map<String, Object> asMap() {
        return values;
    }

    public boolean has(String field) {
        return values.get(field) != null;
    }

    public Optional<String> string(String field) {
        return Optional.ofNullable(typed(field, String.class, "a string"));
    }

    public String string(String field, String defaultValue) {
        return string(field).orElse(defaultValue);
    }

    public Optional<Boolean> bool(String field) {
        return Optional.ofNullable(typed(field, Boolean.class, "true or false"));
    }

    public boolean bool(String field, boolean defaultValue) {
        return bool(field).orElse(defaultValue);
    }

    public Optional<Long> number(String field) {
        Number number = typed(field, Number.class, "a number");
        return Optional.ofNullable(number).map(Number::longValue);
    }

    public long number(String field, long defaultValue) {
        return number(field).orElse(defaultValue);
    }

    /** A list of strings; empty when absent. */
    public List<String> strings(String field) {
        List<?> list = typed(field, List.class, "a list of strings");
        if (list == null) {
            return List.of();
        }
        List<String> strings = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String string)) {
                throw new InvalidConfigException(field + "[" + i + "]", "expected a string");
            }
            strings.add(string);
        }
        return List.copyOf(strings);
    }

    /** A nested object as a map of strings to strings; empty when absent. */
    public Map<String, String> stringMap(String field) {
        Map<?, ?> map = typed(field, Map.class, "an object");
        if (map == null) {
            return Map.of();
        }
        Map<String, String> strings = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            if (!(value instanceof String string)) {
                throw new InvalidConfigException(field + "." + key, "expected a string");
            }
            strings.put(key.toString(), string);
        });
        return Collections.unmodifiableMap(strings);
    }

    /** A nested object as a configuration of its own; empty when absent. */
    public PluginConfig object(String field) {
        Map<?, ?> map = typed(field, Map.class, "an object");
        Map<String, Object> copy = new LinkedHashMap<>();
        if (map != null) {
            map.forEach((key, value) -> copy.put(key.toString(), value));
        }
        return new PluginConfig(copy);
    }

    /** A regular expression; empty when absent. */
    public Optional<Pattern> pattern(String field) {
        return string(field).map(regex -> {
            try {
                return Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new InvalidConfigException(field, "not a valid regular expression: " + e.getDescription());
            }
        });
    }

    private <T> T typed(String field, Class<T> type, String expected) {
        Object value = values.get(field);
        if (value == null) {
            return null;
        }
        if (!type.isInstance(value)) {
            throw new InvalidConfigException(field, "expected " + expected + ", got " + value);
        }
        return type.cast(value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PluginConfig config && config.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
