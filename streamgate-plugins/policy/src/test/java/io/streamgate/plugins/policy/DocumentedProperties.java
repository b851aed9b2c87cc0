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

/**
 * What a policy's page in {@code docs/policies/<plugin id>.md} leaves out of its configuration schema: every property,
 * nested ones as {@code rule.property} (following {@code $ref}s into {@code $defs}), must appear there in backquotes.
 */
public final class DocumentedProperties {

    private DocumentedProperties() {
    }

    /** The property paths of {@code plugin}'s schema its page does not mention. */
    public static List<String> missingFromDocs(InterceptorPlugin plugin) {
        String page = read(page(plugin.id()));
        JsonNode schema = ConfigSchemas.tree(plugin);
        List<String> paths = new ArrayList<>();
        collect(schema, schema, "", paths);
        return paths.stream().filter(path -> !page.contains("`" + path + "`")).toList();
    }

    /** The page of {@code pluginId}, found from the module directory or the repository root. */
    public static Path page(String pluginId) {
        Path relative = Path.of("docs", "policies", pluginId + ".md");
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.exists(candidate.resolve(relative))) {
                return candidate.resolve(relative);
            }
        }
        throw new AssertionError("no " + relative + " above " + dir);
    }

    private static void collect(JsonNode root, JsonNode schema, String prefix, List<String> paths) {
        JsonNode resolved = schema.has("$ref") ? root.at(schema.get("$ref").asText().substring(1)) : schema;
        for (Map.Entry<String, JsonNode> property : resolved.path("properties").properties()) {
            String path = prefix + property.getKey();
            paths.add(path);
            collect(root, property.getValue(), path + ".", paths);
        }
    }

    private static String read(Path page) {
        try {
            return Files.readString(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
