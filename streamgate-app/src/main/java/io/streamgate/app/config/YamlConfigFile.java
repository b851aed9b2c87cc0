package io.streamgate.app.config;

import io.streamgate.core.EnvironmentReferences;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the YAML configuration file into a layer: keys are the camelCase names of {@link StreamgateConfig}'s
 * components, sections nest. An unknown key is an error (with the closest known keys suggested), because a
 * misspelt key silently ignored is a setting silently not applied. A key with no value ({@code port:}) is unset.
 */
final class YamlConfigFile {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final Path file;
    private final ConfigSchema schema;
    private final EnvironmentReferences references;
    private final String origin;

    YamlConfigFile(Path file, ConfigSchema schema, Map<String, String> environment) {
        this.file = file;
        this.schema = schema;
        this.references = new EnvironmentReferences(environment);
        this.origin = "from config file " + file;
    }

    /**
     * @param problems receives one line per unknown key, unset variable or misplaced value
     * @throws ConfigException if the file cannot be read or is not YAML
     */
    ConfigLayer read(List<String> problems) {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new ConfigException("config file " + file + " does not exist");
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            throw new ConfigException("config file " + file + " is not valid YAML" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException("config file " + file + " cannot be read: " + e);
        }
        ConfigLayer.Builder layer = ConfigLayer.builder(schema);
        if (root == null || root.isMissingNode() || root.isNull()) {
            return layer.build();
        }
        if (!root.isObject()) {
            throw new ConfigException("config file " + file + " must be a YAML map of keys to values");
        }
        readSection((ObjectNode) root, "", layer, problems);
        return layer.build();
    }

    private void readSection(ObjectNode section, String prefix, ConfigLayer.Builder layer, List<String> problems) {
        for (Map.Entry<String, JsonNode> field : section.properties()) {
            String name = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                continue;
            }
            if (schema.isSection(name)) {
                if (value.isObject()) {
                    readSection((ObjectNode) value, name, layer, problems);
                } else {
                    problems.add(name + ": expected a section of keys, got '" + value + "' (" + origin + ")");
                }
                continue;
            }
            ConfigKey key = schema.key(name).orElse(null);
            if (key == null) {
                problems.add(unknownKey(name));
            } else if (key.isOpenMap()) {
                readOpenMap(key, value, layer, problems);
            } else {
                expand(name, value, problems).ifPresent(expanded -> layer.set(name, expanded, origin));
            }
        }
    }

    private void readOpenMap(ConfigKey key, JsonNode value, ConfigLayer.Builder layer, List<String> problems) {
        if (!value.isObject()) {
            problems.add(key.name() + ": expected a map of names to values, got '" + value + "' (" + origin + ")");
            return;
        }
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            String name = key.name() + "." + entry.getKey();
            if (entry.getValue().isNull()) {
                continue;
            }
            if (entry.getValue().isContainerNode()) {
                problems.add(name + ": expected a single value, got '" + entry.getValue() + "' (" + origin
                        + "); write the full property name as one key, e.g. 'security.protocol: SSL'");
                continue;
            }
            expand(name, entry.getValue(), problems)
                    .ifPresent(expanded -> layer.setEntry(key.name(), entry.getKey(), expanded, origin));
        }
    }

    private Optional<JsonNode> expand(String name, JsonNode value, List<String> problems) {
        try {
            return Optional.of(expanded(value));
        } catch (EnvironmentReferences.UnsetVariableException e) {
            problems.add(name + ": environment variable " + e.variable() + " is not set (referenced as ${"
                    + e.variable() + "} " + origin.replaceFirst("^from", "in") + ")");
            return Optional.empty();
        }
    }

    /** The value with {@code ${VAR}} replaced in every string, at any depth (lists of objects such as admin.tokens). */
    private JsonNode expanded(JsonNode value) throws EnvironmentReferences.UnsetVariableException {
        if (value.isTextual()) {
            return TextNode.valueOf(references.expand(value.textValue()));
        }
        if (value.isArray()) {
            ArrayNode expanded = JsonNodeFactory.instance.arrayNode();
            for (JsonNode element : value) {
                expanded.add(expanded(element));
            }
            return expanded;
        }
        if (value.isObject()) {
            ObjectNode expanded = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                expanded.set(field.getKey(), expanded(field.getValue()));
            }
            return expanded;
        }
        return value;
    }

    private String unknownKey(String name) {
        List<String> suggestions = schema.closest(name, schema.names());
        return "unknown configuration key '" + name + "' in config file " + file
                + (suggestions.isEmpty() ? "" : " (did you mean " + String.join(" or ", suggestions) + "?)");
    }
}
