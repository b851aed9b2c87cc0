package io.streamgate.admin.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.streamgate.api.Scope;
import io.streamgate.state.Resource;
import io.streamgate.state.ResourceId;
import io.streamgate.state.ResourceStore;
import io.streamgate.state.document.ResourceDocuments;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code GET} of the resources of one virtual cluster ({@code /api/v1/virtual-clusters/{name}/alias-topics}, its ACL
 * bindings): the list, optionally filtered on spec fields ({@code ?principal=User:alice&operation=read}), and one by
 * name. The virtual cluster must exist (404 otherwise). A query parameter that is not a filter is refused (400), so
 * that a misspelt filter never widens a result.
 */
final class VirtualClusterResourceQueries {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String kind;
    private final String noun;
    private final String nameParameter;
    private final ResourceStore store;
    private final GlobalResourceQueries clusters;
    private final Map<String, Boolean> filters;
    private final Function<Resource, JsonNode> filtered;

    /**
     * @param noun how messages name one resource ({@code alias topic})
     * @param nameParameter the path parameter that names one ({@code topic})
     * @param clusters finds the virtual cluster of the path parameter {@code name}
     * @param filters the spec fields the list may be filtered on, each with whether its values compare ignoring case
     *     (the names of Kafka's enums: {@code operation=read})
     * @param filtered the values of a resource that filters compare with, by field (its spec with the defaults)
     */
    VirtualClusterResourceQueries(String kind, String noun, String nameParameter, ResourceStore store,
                                  GlobalResourceQueries clusters, Map<String, Boolean> filters,
                                  Function<Resource, JsonNode> filtered) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.noun = Objects.requireNonNull(noun, "noun");
        this.nameParameter = Objects.requireNonNull(nameParameter, "nameParameter");
        this.store = Objects.requireNonNull(store, "store");
        this.clusters = Objects.requireNonNull(clusters, "clusters");
        this.filters = Map.copyOf(filters);
        this.filtered = Objects.requireNonNull(filtered, "filtered");
    }

    void list(Context ctx) {
        String virtualCluster = virtualCluster(ctx);
        Map<String, String> wanted = filters(ctx);
        ObjectNode body = JSON.createObjectNode();
        ArrayNode items = body.putArray("items");
        for (Resource resource : store.list(kind)) {
            if (virtualCluster.equals(resource.metadata().scope().virtualCluster()) && matches(resource, wanted)) {
                items.add(ResourceDocuments.toNode(resource));
            }
        }
        ctx.json(body);
    }

    void get(Context ctx) {
        parameters(ctx, Set.of());
        ctx.json(ResourceDocuments.toNode(find(ctx, ctx.pathParam(nameParameter))));
    }

    /**
     * The resource {@code name} of the path's virtual cluster.
     *
     * @throws ApiException 404 when the virtual cluster or the resource does not exist
     */
    Resource find(Context ctx, String name) {
        String virtualCluster = virtualCluster(ctx);
        ApiException notFound = new ApiException(404, "no " + noun + " named " + name + " in virtual cluster "
                + virtualCluster);
        if (!ResourceId.isValidName(name)) {
            throw notFound;
        }
        return store.get(new ResourceId(kind, name, Scope.virtualCluster(virtualCluster))).orElseThrow(() -> notFound);
    }

    /** The path's virtual cluster, which exists. */
    String virtualCluster(Context ctx) {
        return clusters.find(ctx.pathParam("name")).metadata().name();
    }

    private Map<String, String> filters(Context ctx) {
        parameters(ctx, filters.keySet());
        Map<String, String> wanted = new HashMap<>();
        ctx.queryParamMap().forEach((name, values) -> wanted.put(name, values.get(0)));
        return wanted;
    }

    private boolean matches(Resource resource, Map<String, String> wanted) {
        if (wanted.isEmpty()) {
            return true;
        }
        JsonNode spec = filtered.apply(resource);
        return wanted.entrySet().stream().allMatch(filter -> {
            String value = spec.path(filter.getKey()).asText();
            return filters.get(filter.getKey()) ? value.equalsIgnoreCase(filter.getValue())
                    : value.equals(filter.getValue());
        });
    }

    private static void parameters(Context ctx, Set<String> allowed) {
        for (Map.Entry<String, List<String>> parameter : ctx.queryParamMap().entrySet()) {
            if (!allowed.contains(parameter.getKey())) {
                throw new ApiException(400, "unknown query parameter '" + parameter.getKey() + "'; this route takes "
                        + (allowed.isEmpty() ? "none" : String.join(", ", allowed.stream().sorted().toList())),
                        parameter.getKey());
            }
            if (parameter.getValue().size() > 1) {
                throw new ApiException(400, "query parameter '" + parameter.getKey() + "' is given more than once",
                        parameter.getKey());
            }
        }
    }
}
