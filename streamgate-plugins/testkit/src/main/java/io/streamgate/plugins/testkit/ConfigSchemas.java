package io.streamgate.plugins.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.streamgate.api.InterceptorPlugin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks configurations against a plugin's {@link InterceptorPlugin#configSchema() schema} with the validator
 * the gateway uses (draft 2020-12), and checks the schema itself against the style of the built-in plugins.
 */
public final class ConfigSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private ConfigSchemas() {
    }

    /** The schema's complaints about {@code config}; empty when it conforms. */
    public static List<String> problems(InterceptorPlugin plugin, Map<String, ?> config) {
        return REGISTRY.getSchema(plugin.configSchema()).validate(JSON.valueToTree(config)).stream()
                .map(Error::toString).toList();
    }

    /** The plugin's schema as a JSON tree, e.g. to read a default with {@code at("/properties/x/default")}. */
    public static JsonNode tree(InterceptorPlugin plugin) {
        try {
            return JSON.readTree(plugin.configSchema());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Style rules for plugin schemas: draft 2020-12; every object closed with {@code additionalProperties:
     * false} (or a schema for its values); every property described. Returns what breaks them, each naming
     * the schema at fault by its path from the root {@code $}, e.g. {@code $.rules[].path has no description}.
     */
    public static List<String> styleProblems(InterceptorPlugin plugin) {
        JsonNode schema = tree(plugin);
        List<String> problems = new ArrayList<>();
        if (!"https://json-schema.org/draft/2020-12/schema".equals(schema.path("$schema").asText())) {
            problems.add("$schema is not draft 2020-12");
        }
        checkObject(schema, "$", problems);
        return problems;
    }

    private static void checkObject(JsonNode schema, String path, List<String> problems) {
        if (!schema.has("description")) {
            problems.add(path + " has no description");
        }
        if ("object".equals(schema.path("type").asText()) && !schema.has("additionalProperties")) {
            problems.add(path + " does not say additionalProperties");
        }
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            checkObject(property.getValue(), path + "." + property.getKey(), problems);
        }
        if (schema.path("items").isObject()) {
            checkObject(schema.get("items"), path + "[]", problems);
        }
        if (schema.path("additionalProperties").isObject()) {
            checkObject(schema.get("additionalProperties"), path + ".*", problems);
        }
    }
}
