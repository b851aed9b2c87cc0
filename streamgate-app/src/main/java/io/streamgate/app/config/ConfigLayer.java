package io.streamgate.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The values one source contributes (defaults, the YAML file, the environment, command-line options), as a Jackson
 * tree shaped like the YAML file, together with where each value came from so that an error can name its source.
 * Layers merge key by key, and entry by entry within open maps: see {@link #overriddenBy}.
 */
public final class ConfigLayer {

    private final ObjectNode tree;
    private final Map<String, String> origins;

    private ConfigLayer(ObjectNode tree, Map<String, String> origins) {
        this.tree = tree;
        this.origins = Collections.unmodifiableMap(origins);
    }

    /** A layer without values. */
    public static ConfigLayer empty() {
        return new ConfigLayer(JsonNodeFactory.instance.objectNode(), Map.of());
    }

    /** Starts a layer whose keys are checked against {@code schema}. */
    public static Builder builder(ConfigSchema schema) {
        return new Builder(schema);
    }

    /** This layer with every value of {@code higher} replacing the value of the same key or open-map entry. */
    public ConfigLayer overriddenBy(ConfigLayer higher) {
        ObjectNode merged = tree.deepCopy();
        mergeInto(merged, higher.tree);
        Map<String, String> mergedOrigins = new LinkedHashMap<>(origins);
        mergedOrigins.putAll(higher.origins);
        return new ConfigLayer(merged, mergedOrigins);
    }

    /** The value at a dotted key name, if this layer has one. */
    public Optional<JsonNode> value(ConfigKey key) {
        JsonNode node = tree;
        for (String segment : key.path()) {
            node = node.get(segment);
            if (node == null) {
                return Optional.empty();
            }
        }
        return Optional.of(node);
    }

    /** Where the value of a key (or {@code map.entry}) came from, e.g. "from environment variable STREAMGATE_PORT". */
    public String origin(String name) {
        return origins.getOrDefault(name, "default");
    }

    /** A copy of the tree, shaped like the YAML file. */
    public ObjectNode tree() {
        return tree.deepCopy();
    }

    private static void mergeInto(ObjectNode target, ObjectNode source) {
        for (Map.Entry<String, JsonNode> field : source.properties()) {
            JsonNode existing = target.get(field.getKey());
            if (existing instanceof ObjectNode existingObject && field.getValue() instanceof ObjectNode sourceObject) {
                mergeInto(existingObject, sourceObject);
            } else {
                target.set(field.getKey(), field.getValue().deepCopy());
            }
        }
    }

    /** Collects the values of one source. */
    public static final class Builder {

        private final ConfigSchema schema;
        private final ObjectNode tree = JsonNodeFactory.instance.objectNode();
        private final Map<String, String> origins = new LinkedHashMap<>();

        private Builder(ConfigSchema schema) {
            this.schema = schema;
        }

        /**
         * Sets a key.
         *
         * @param name the dotted key name, e.g. {@code upstream.connectTimeout}
         * @param origin where the value came from, completing "... (origin)", e.g. "from command-line option --port"
         * @throws IllegalArgumentException if there is no such key: that is a programming error, not a user's
         */
        public Builder set(String name, JsonNode value, String origin) {
            ConfigKey key = schema.key(name).orElseThrow(() -> new IllegalArgumentException("no key " + name));
            parentOf(key.path()).set(key.path().get(key.path().size() - 1), value);
            origins.put(name, origin);
            return this;
        }

        /** Sets a key to text, as the environment and the command line give values. */
        public Builder set(String name, String value, String origin) {
            return set(name, TextNode.valueOf(value), origin);
        }

        /**
         * Sets one entry of an open map, e.g. {@code ssl.truststore.location} of {@code upstream.properties}.
         *
         * @throws IllegalArgumentException if {@code mapName} is not an open map
         */
        public Builder setEntry(String mapName, String entry, JsonNode value, String origin) {
            ConfigKey key = schema.key(mapName).filter(ConfigKey::isOpenMap)
                    .orElseThrow(() -> new IllegalArgumentException("no open map " + mapName));
            ObjectNode parent = parentOf(key.path());
            String field = key.path().get(key.path().size() - 1);
            JsonNode map = parent.get(field);
            ObjectNode entries = map instanceof ObjectNode object ? object : parent.putObject(field);
            entries.set(entry, value);
            origins.put(mapName + "." + entry, origin);
            return this;
        }

        /** Sets one entry of an open map to text. */
        public Builder setEntry(String mapName, String entry, String value, String origin) {
            return setEntry(mapName, entry, TextNode.valueOf(value), origin);
        }

        public ConfigLayer build() {
            return new ConfigLayer(tree.deepCopy(), new LinkedHashMap<>(origins));
        }

        private ObjectNode parentOf(List<String> path) {
            ObjectNode node = tree;
            for (String segment : path.subList(0, path.size() - 1)) {
                JsonNode child = node.get(segment);
                node = child instanceof ObjectNode object ? object : node.putObject(segment);
            }
            return node;
        }
    }
}
