package io.streamgate.app.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the {@code STREAMGATE_*} environment variables into a layer, by the names {@link EnvironmentNames} derives.
 * Any other {@code STREAMGATE_*} variable is an error: it is almost always a misspelling, and ignoring it would
 * leave a setting silently unapplied.
 */
final class EnvironmentLayer {

    /** The {@code STREAMGATE_*} variables that are not configuration keys, and what they are for. */
    static final Map<String, String> OTHER_VARIABLES = Map.of(
            ConfigLoader.CONFIG_FILE_VARIABLE, "the YAML config file, when --config is not given",
            "STREAMGATE_JAVA_OPTS", "JVM options for bin/streamgate (default: -Xms512m -Xmx1g)");

    private EnvironmentLayer() {
    }

    /**
     * @param problems receives one line per unknown {@code STREAMGATE_*} variable
     */
    static ConfigLayer read(Map<String, String> environment, ConfigSchema schema, List<String> problems) {
        ConfigLayer.Builder layer = ConfigLayer.builder(schema);
        Set<String> other = OTHER_VARIABLES.keySet();
        // Sorted, so that problems are reported in a stable order.
        for (Map.Entry<String, String> variable : new TreeMap<>(environment).entrySet()) {
            String name = variable.getKey();
            if (!name.startsWith(EnvironmentNames.PREFIX) || other.contains(name)) {
                continue;
            }
            String origin = "from environment variable " + name;
            ConfigKey key = schema.keyForEnvironmentVariable(name).orElse(null);
            if (key != null && key.isOpenMap()) {
                problems.add("environment variable " + name + " needs a name suffix: " + name
                        + "_<NAME> sets entry <name> of " + key.name());
            } else if (key != null) {
                layer.set(key.name(), variable.getValue(), origin);
            } else {
                ConfigKey map = schema.openMapForEnvironmentVariable(name).orElse(null);
                if (map != null) {
                    String entry = EnvironmentNames.entryName(name.substring(map.environmentVariable().length() + 1));
                    layer.setEntry(map.name(), entry, variable.getValue(), origin);
                } else {
                    problems.add(unknownVariable(name, schema));
                }
            }
        }
        return layer.build();
    }

    private static String unknownVariable(String name, ConfigSchema schema) {
        List<String> candidates = new ArrayList<>(schema.environmentVariables());
        candidates.addAll(OTHER_VARIABLES.keySet());
        List<String> suggestions = schema.closest(name, candidates);
        return "unknown environment variable " + name + ": no configuration key has that name"
                + (suggestions.isEmpty() ? "" : " (did you mean " + String.join(" or ", suggestions) + "?)");
    }
}
