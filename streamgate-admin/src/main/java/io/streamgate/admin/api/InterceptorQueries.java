package io.streamgate.admin.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.streamgate.admin.interceptors.InterceptorResourceMapper;
import io.streamgate.api.Scope;
import io.streamgate.state.Resource;
import io.streamgate.state.ResourceId;
import io.streamgate.state.ResourceStore;
import io.streamgate.state.document.ResourceDocuments;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code GET /api/v1/interceptors} (filtered by scope parameters) and {@code GET /api/v1/interceptors/{name}}, from
 * the resource store. Resources are answered as documents ({@code kind, metadata, spec}) that can be written back
 * unchanged.
 *
 * <p>A name alone (no scope parameter) finds the interceptor of that name in whichever scope it is; when several
 * scopes have one, the answer is 409, listing them, and a scope parameter picks one.
 */
final class InterceptorQueries {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ResourceStore store;

    InterceptorQueries(ResourceStore store) {
        this.store = store;
    }

    void list(Context ctx) {
        ScopeParameters parameters = ScopeParameters.of(ctx, Set.of());
        Predicate<Scope> filter = parameters.filter();
        ObjectNode body = JSON.createObjectNode();
        ArrayNode items = body.putArray("items");
        for (Resource resource : store.list(InterceptorResourceMapper.KIND)) {
            if (filter.test(resource.metadata().scope())) {
                items.add(ResourceDocuments.toNode(resource));
            }
        }
        ctx.json(body);
    }

    void get(Context ctx) {
        ScopeParameters parameters = ScopeParameters.of(ctx, Set.of());
        ctx.json(ResourceDocuments.toNode(find(ctx.pathParam("name"), parameters)));
    }

    /**
     * The interceptor resource of this name: in the scope the parameters name, or, without one, the only scope
     * that has it.
     *
     * @throws ApiException 404 when there is none, 409 when several scopes have one and no scope was given
     */
    Resource find(String name, ScopeParameters parameters) {
        if (parameters.exactScope().isPresent()) {
            Scope scope = parameters.exactScope().get();
            if (!ResourceId.isValidName(name)) {
                throw notFound(name, scope.toString());
            }
            return store.get(new ResourceId(InterceptorResourceMapper.KIND, name, scope))
                    .orElseThrow(() -> notFound(name, scope.toString()));
        }
        List<Resource> named = store.list(InterceptorResourceMapper.KIND).stream()
                .filter(resource -> resource.metadata().name().equals(name))
                .toList();
        if (named.isEmpty()) {
            throw notFound(name, null);
        }
        if (named.size() > 1) {
            throw new ApiException(409, "interceptor " + name + " exists in several scopes ("
                    + String.join("; ", named.stream().map(resource -> resource.metadata().scope().toString())
                    .toList()) + "): choose one with the query parameters vcluster, group, username or global=true");
        }
        return named.get(0);
    }

    private static ApiException notFound(String name, String scope) {
        return new ApiException(404, "no interceptor named " + name + (scope == null ? "" : " in scope " + scope));
    }
}
