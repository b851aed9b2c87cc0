package io.streamgate.plugins.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamgate.api.InterceptorPlugin;
import io.streamgate.plugins.testkit.ConfigSchemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The page {@code docs/policies/<plugin-id>.md} of a policy plugin, and what its schema says it must document. */
public final class PolicyDocs {

    private PolicyDocs() {
    }

    /** The plugin's page; tests run in the module directory, two levels below the repository. */
    public static Path path(InterceptorPlugin plugin) {
        return Path.of(System.getProperty("user.dir")).resolve("../../docs/policies/" + plugin.id() + ".md")
                .normalize();
    }

    /** The text of the plugin's page. */
    public static String page(InterceptorPlugin plugin) {
        Path page = path(plugin);
        try {
            return Files.readString(page);
        } catch (IOException e) {
            throw new UncheckedIOException("no page " + page + " for " + plugin.id(), e);
        }
    }

    /**
     * The path of every property of the plugin's schema, through {@code $ref}s and object-valued
     * {@code additionalProperties} (a map's values, named {@code <key>}): {@code groupId.pattern},
     * {@code configs.<key>.allowed}.
     */
    public static List<String> properties(InterceptorPlugin plugin) {
        JsonNode schema = ConfigSchemas.tree(plugin);
        List<String> paths = new ArrayList<>();
        collect(schema, schema, "", paths);
        return paths;
    }

    /**
     * The properties of the plugin's schema that its page names neither by their path, in backquotes, nor, for a
     * property of a shared definition, by their own name ({@code `min`} under a shared bounds definition).
     */
    public static List<String> undocumented(InterceptorPlugin plugin) {
        String page = page(plugin);
        return properties(plugin).stream().filter(path -> !page.contains("`" + path + "`")
                && !page.contains("`" + path.substring(path.lastIndexOf('.') + 1) + "`")).toList();
    }

    private static void collect(JsonNode root, JsonNode schema, String prefix, List<String> paths) {
        JsonNode resolved = schema.has("$ref") ? root.at(schema.get("$ref").asText().substring(1)) : schema;
        for (Map.Entry<String, JsonNode> property : resolved.path("properties").properties()) {
            String path = prefix + property.getKey();
            paths.add(path);
            collect(root, property.getValue(), path + ".", paths);
        }
        if (resolved.path("additionalProperties").isObject()) {
            collect(root, resolved.get("additionalProperties"), prefix + "<key>.", paths);
        }
    }
}
