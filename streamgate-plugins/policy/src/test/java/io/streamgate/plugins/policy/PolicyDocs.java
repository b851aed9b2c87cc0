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

    /** The text of the plugin's page; tests run in the module directory, two levels below the repository. */
    public static String page(InterceptorPlugin plugin) {
        Path page = Path.of(System.getProperty("user.dir")).resolve("../../docs/policies/" + plugin.id() + ".md")
                .normalize();
        try {
            return Files.readString(page);
        } catch (IOException e) {
            throw new UncheckedIOException("no page " + page + " for " + plugin.id(), e);
        }
    }

    /**
     * Every property of the plugin's schema, nested ones and those of {@code $defs} included, as the page should
     * name them, in backquotes: {@code `groupId.pattern`} or, for a shared definition, {@code `min`}.
     */
    public static List<String> properties(InterceptorPlugin plugin) {
        JsonNode schema = ConfigSchemas.tree(plugin);
        List<String> names = new ArrayList<>();
        collect(schema, "", names);
        for (Map.Entry<String, JsonNode> definition : schema.path("$defs").properties()) {
            collect(definition.getValue(), "", names);
        }
        return names;
    }

    /** The properties of {@code plugin}'s schema that its page does not name. */
    public static List<String> undocumented(InterceptorPlugin plugin) {
        String page = page(plugin);
        return properties(plugin).stream().filter(name -> !page.contains("`" + name + "`")).toList();
    }

    private static void collect(JsonNode schema, String prefix, List<String> names) {
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            String name = prefix + property.getKey();
            names.add(name);
            collect(property.getValue(), name + ".", names);
        }
    }
}
