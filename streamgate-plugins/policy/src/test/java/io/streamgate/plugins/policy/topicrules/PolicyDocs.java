package io.streamgate.plugins.policy.topicrules;

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
 * The documentation of a policy plugin, {@code docs/policies/<id>.md} at the root of the project, against its
 * schema: every property must appear in it by its path in backquotes, e.g. {@code `partitions.max`}, with
 * {@code <key>} standing for the keys of a map, e.g. {@code `configs.<key>.allowed`}.
 */
public final class PolicyDocs {

    private PolicyDocs() {
    }

    public static Path path(InterceptorPlugin plugin) {
        return Path.of(System.getProperty("user.dir")).resolve("../../docs/policies/" + plugin.id() + ".md")
                .normalize();
    }

    /** The property paths of the plugin's schema that its documentation does not mention. */
    public static List<String> undocumented(InterceptorPlugin plugin) {
        String doc;
        try {
            doc = Files.readString(path(plugin));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties(plugin).stream().filter(path -> !doc.contains("`" + path + "`")).toList();
    }

    /** The paths of every property of the plugin's schema, e.g. {@code configs.<key>.allowed}. */
    public static List<String> properties(InterceptorPlugin plugin) {
        List<String> paths = new ArrayList<>();
        collect(ConfigSchemas.tree(plugin), "", paths);
        return paths;
    }

    private static void collect(JsonNode schema, String prefix, List<String> paths) {
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            String path = prefix + property.getKey();
            paths.add(path);
            collect(property.getValue(), path + ".", paths);
        }
        if (schema.path("additionalProperties").isObject()) {
            collect(schema.get("additionalProperties"), prefix + "<key>.", paths);
        }
    }
}
