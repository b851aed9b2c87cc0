package io.streamgate.admin.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.javalin.http.Context;
import io.streamgate.api.InterceptorPlugin;
import io.streamgate.core.chain.PluginCatalog;

import java.util.Comparator;
import java.util.List;

/**
 * {@code GET /api/v1/plugins} and {@code GET /api/v1/plugins/{id}}: the plugins this instance can run, with their
 * configuration schema as JSON and where each was found ({@code class path} or a jar of the plugins directory).
 */
final class PluginEndpoints {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PluginCatalog catalog;
    /** The catalogue is immutable, so its documents are built once. */
    private final List<ObjectNode> documents;

    PluginEndpoints(PluginCatalog catalog) {
        this.catalog = catalog;
        this.documents = catalog.all().stream()
                .sorted(Comparator.comparing(entry -> entry.plugin().id()))
                .map(PluginEndpoints::document)
                .toList();
    }

    void list(Context ctx) {
        noQueryParameters(ctx);
        ObjectNode body = JSON.createObjectNode();
        ArrayNode items = body.putArray("items");
        documents.forEach(items::add);
        ctx.json(body);
    }

    void get(Context ctx) {
        noQueryParameters(ctx);
        String id = ctx.pathParam("id");
        PluginCatalog.CatalogEntry entry = catalog.find(id).orElseThrow(() -> new ApiException(404,
                "no plugin '" + id + "'; known plugins: " + catalog.all().stream().map(e -> e.plugin().id())
                        .sorted().toList()));
        ctx.json(document(entry));
    }

    private static ObjectNode document(PluginCatalog.CatalogEntry entry) {
        InterceptorPlugin plugin = entry.plugin();
        ObjectNode node = JSON.createObjectNode();
        node.put("id", plugin.id());
        node.put("title", plugin.title());
        node.put("description", plugin.description());
        node.put("version", plugin.version());
        node.set("configSchema", schema(plugin));
        node.put("source", entry.source());
        return node;
    }

    /** The schema as JSON; a plugin whose schema does not parse shows it as text, which is what it gave. */
    private static JsonNode schema(InterceptorPlugin plugin) {
        String schema = plugin.configSchema();
        try {
            return JSON.readTree(schema);
        } catch (Exception e) {
            return TextNode.valueOf(schema);
        }
    }

    /** Refuses any query parameter (400), for routes that take none. */
    static void noQueryParameters(Context ctx) {
        ctx.queryParamMap().keySet().stream().findFirst().ifPresent(name -> {
            throw new ApiException(400, "unknown query parameter '" + name + "'; this route takes none", name);
        });
    }
}
