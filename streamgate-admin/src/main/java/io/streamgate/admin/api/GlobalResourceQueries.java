package io.streamgate.admin.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.streamgate.state.Resource;
import io.streamgate.state.ResourceId;
import io.streamgate.state.ResourceStore;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code GET} of a collection of global resources (service accounts, groups) and of one of them by name, from the
 * resource store. Each resource is answered as its document, possibly with a read-only {@code status} that the
 * collection adds (what the gateway holds about it); {@code status} is ignored when the document is written back.
 * These routes take no query parameter.
 */
final class GlobalResourceQueries {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String kind;
    private final String noun;
    private final ResourceStore store;
    private final Function<Resource, ObjectNode> view;

    /**
     * @param noun how messages name one resource ({@code service account})
     * @param view the answer for one resource: its document, and a status if the collection has one
     */
    GlobalResourceQueries(String kind, String noun, ResourceStore store, Function<Resource, ObjectNode> view) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.noun = Objects.requireNonNull(noun, "noun");
        this.store = Objects.requireNonNull(store, "store");
        this.view = Objects.requireNonNull(view, "view");
    }

    void list(Context ctx) {
        noParameters(ctx);
        ObjectNode body = JSON.createObjectNode();
        ArrayNode items = body.putArray("items");
        for (Resource resource : store.list(kind)) {
            items.add(view.apply(resource));
        }
        ctx.json(body);
    }

    void get(Context ctx) {
        noParameters(ctx);
        ctx.json(view.apply(find(ctx.pathParam("name"))));
    }

    /**
     * @throws ApiException 404 when there is no resource of that name
     */
    Resource find(String name) {
        if (!ResourceId.isValidName(name)) {
            throw notFound(name);
        }
        return store.get(new ResourceId(kind, name, null)).orElseThrow(() -> notFound(name));
    }

    /** As {@link #find(String)}, for {@link ResourceChanges}; the route takes no query parameter. */
    Resource find(Context ctx, String name) {
        noParameters(ctx);
        return find(name);
    }

    private ApiException notFound(String name) {
        return new ApiException(404, "no " + noun + " named " + name);
    }

    private static void noParameters(Context ctx) {
        Optional<String> parameter = ctx.queryParamMap().keySet().stream().findFirst();
        if (parameter.isPresent()) {
            throw new ApiException(400, "unknown query parameter '" + parameter.get() + "'; this route takes none",
                    parameter.get());
        }
    }
}
