package io.streamgate.app.config;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every configuration key, derived from the record components of {@link StreamgateConfig} and its nested records.
 * Nested records are sections ({@code upstream}); every other component is a {@link ConfigKey}.
 */
public final class ConfigSchema {

    private static final ConfigSchema STREAMGATE = of(StreamgateConfig.class);

    private final Map<String, ConfigKey> keysByName;
    private final Map<String, ConfigKey> keysByEnvironmentVariable;
    private final Set<String> sections;

    private ConfigSchema(Map<String, ConfigKey> keysByName, Set<String> sections) {
        this.keysByName = Collections.unmodifiableMap(keysByName);
        this.sections = Collections.unmodifiableSet(sections);
        Map<String, ConfigKey> byVariable = new LinkedHashMap<>();
        for (ConfigKey key : keysByName.values()) {
            ConfigKey clash = byVariable.put(key.environmentVariable(), key);
            if (clash != null) {
                throw new IllegalStateException(key.name() + " and " + clash.name() + " share environment variable "
                        + key.environmentVariable());
            }
        }
        this.keysByEnvironmentVariable = Collections.unmodifiableMap(byVariable);
    }

    /** The schema of Streamgate's configuration. */
    public static ConfigSchema streamgate() {
        return STREAMGATE;
    }

    /** The schema of any configuration record. */
    static ConfigSchema of(Class<? extends Record> root) {
        Map<String, ConfigKey> keys = new LinkedHashMap<>();
        Set<String> sections = new LinkedHashSet<>();
        collect(root, List.of(), keys, sections);
        return new ConfigSchema(keys, sections);
    }

    private static void collect(Class<?> record, List<String> prefix, Map<String, ConfigKey> keys, Set<String> sections) {
        for (RecordComponent component : record.getRecordComponents()) {
            List<String> path = append(prefix, component.getName());
            if (component.getType().isRecord()) {
                sections.add(String.join(".", path));
                collect(component.getType(), path, keys, sections);
            } else {
                DerivedDefault derived = component.getAnnotation(DerivedDefault.class);
                ConfigKey key = new ConfigKey(path, ValueType.of(component),
                        Optional.ofNullable(derived).map(DerivedDefault::value));
                keys.put(key.name(), key);
            }
        }
    }

    /** Every key, in declaration order. */
    public List<ConfigKey> keys() {
        return List.copyOf(keysByName.values());
    }

    /** The key with the dotted name, e.g. {@code upstream.connectTimeout}. */
    public Optional<ConfigKey> key(String name) {
        return Optional.ofNullable(keysByName.get(name));
    }

    /** True if the dotted name is a section (a nested record) such as {@code upstream}. */
    public boolean isSection(String name) {
        return sections.contains(name);
    }

    /** The key whose environment variable this is, not counting entries of open maps. */
    public Optional<ConfigKey> keyForEnvironmentVariable(String variable) {
        return Optional.ofNullable(keysByEnvironmentVariable.get(variable));
    }

    /** The open map whose entries this environment variable sets, e.g. {@code upstream.properties}. */
    public Optional<ConfigKey> openMapForEnvironmentVariable(String variable) {
        return keysByName.values().stream()
                .filter(ConfigKey::isOpenMap)
                .filter(key -> variable.startsWith(key.environmentVariable() + "_")
                        && variable.length() > key.environmentVariable().length() + 1)
                .findFirst();
    }

    /**
     * The known names closest to an unknown one, to suggest in an error: same letters ignoring case, {@code _} and
     * {@code -}, or at most two edits away.
     */
    public List<String> closest(String unknown, List<String> candidates) {
        String normalizedUnknown = normalize(unknown);
        List<String> exact = new ArrayList<>();
        List<String> near = new ArrayList<>();
        for (String candidate : candidates) {
            String normalized = normalize(candidate);
            if (normalized.equals(normalizedUnknown)) {
                exact.add(candidate);
            } else if (editDistance(normalized, normalizedUnknown) <= 2) {
                near.add(candidate);
            }
        }
        return exact.isEmpty() ? near : exact;
    }

    /** Every dotted key name and section name. */
    public List<String> names() {
        List<String> names = new ArrayList<>(sections);
        names.addAll(keysByName.keySet());
        return names;
    }

    /** Every environment variable name, with open maps as their prefix. */
    public List<String> environmentVariables() {
        return List.copyOf(keysByEnvironmentVariable.keySet());
    }

    private static String normalize(String name) {
        return name.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static List<String> append(List<String> prefix, String segment) {
        List<String> path = new ArrayList<>(prefix);
        path.add(segment);
        return List.copyOf(path);
    }
}
