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

/** The policies' reference pages, docs/policies/&lt;plugin id&gt;.md, checked against their configuration schemas. */
public final class PolicyDocs {

    private PolicyDocs() {
    }

    /** The page of {@code plugin}, read from the repository (tests run in the module's directory). */
    public static String page(InterceptorPlugin plugin) {
        Path page = Path.of(System.getProperty("user.dir"), "..", "..", "docs", "policies", plugin.id() + ".md");
        try {
            return Files.readString(page);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the policy's page " + page.normalize(), e);
        }
    }

    /** The top-level schema properties of {@code plugin} that its page does not name as {@code `property`}. */
    public static List<String> undocumentedProperties(InterceptorPlugin plugin) {
        String page = page(plugin);
        List<String> missing = new ArrayList<>();
        JsonNode properties = ConfigSchemas.tree(plugin).path("properties");
        properties.fieldNames().forEachRemaining(property -> {
            if (!page.contains("`" + property + "`")) {
                missing.add(property);
            }
        });
        return missing;
    }
}
