package io.streamgate.admin.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.streamgate.admin.resources.ManagedKinds;
import io.streamgate.admin.security.AdminIdentity;
import io.streamgate.api.Scope;
import io.streamgate.state.InvalidResourceException;
import io.streamgate.state.PutResult;
import io.streamgate.state.Resource;
import io.streamgate.state.ResourceId;
import io.streamgate.state.ResourceMetadata;
import io.streamgate.state.ResourceStore;
import io.streamgate.state.ResourceStoreException;
import io.streamgate.state.ResourceValidator;
import io.streamgate.state.document.ResourceDocuments;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * {@code PUT} of a resource collection such as {@code /api/v1/interceptors}, or of one resource's own path such as
 * {@code /api/v1/virtual-clusters/payments} (create or update; {@code ?dryRun=true} validates and tells what would
 * happen, storing nothing), and {@code DELETE} of one of its resources, for one kind.
 * Every request, done or refused, is recorded in the audit log with its outcome.
 *
 * <p>A PUT is validated completely before anything is stored, with the kind's validator, among the store's resources
 * (rules across resources, such as virtual-cluster prefixes that never nest); a document of another kind is refused.
 * A document carrying {@code metadata.revision} (as read from the API) is an optimistic-concurrency check: if the
 * stored resource has another revision and other content, the answer is 409 and nothing changes.
 */
final class ResourceChanges {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Finds the resource a DELETE names: its name path parameter and, for scoped kinds, its query or the rest of its
     * path.
     */
    @FunctionalInterface
    interface Lookup {
        /**
         * @throws ApiException 404 when there is none, 400/409 for a request that does not say which, 409 when it
         *     cannot be deleted
         */
        Resource find(Context ctx, String name);
    }

    private final String kind;
    private final String noun;
    private final String nameParameter;
    private final ResourceStore store;
    private final Lookup lookup;
    private final ResourceValidator validator;
    private final ChangeAudit audit;
    private final BiConsumer<Resource, AdminIdentity> afterDelete;

    /**
     * @param kind the kind this collection holds
     * @param noun how messages name one of them ({@code interceptor}, {@code service account})
     * @param nameParameter the path parameter that names a resource of the collection ({@code name})
     * @param validator checks a resource among the store's ({@link ResourceValidator#validate(Resource, Map)})
     * @param afterDelete told about each resource deleted, and by whom, after the store deleted it
     */
    ResourceChanges(String kind, String noun, String nameParameter, ResourceStore store, Lookup lookup,
                    ResourceValidator validator, ChangeAudit audit, BiConsumer<Resource, AdminIdentity> afterDelete) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.noun = Objects.requireNonNull(noun, "noun");
        this.nameParameter = Objects.requireNonNull(nameParameter, "nameParameter");
        this.store = store;
        this.lookup = lookup;
        this.validator = validator;
        this.audit = audit;
        this.afterDelete = afterDelete;
    }

    /** PUT of the collection: the body is the resource. */
    void put(Context ctx, AdminIdentity caller) {
        boolean dryRun = dryRun(ctx, caller);
        write(ctx, caller, read(ctx, caller, dryRun), dryRun, "PUT");
    }

    /**
     * PUT of the resource's own path, which gives its name and scope: the body's must be the same (a body without a
     * scope gets the path's).
     */
    void putAt(Context ctx, AdminIdentity caller, String name, Scope scope) {
        boolean dryRun = dryRun(ctx, caller);
        Resource resource = read(ctx, caller, dryRun);
        ResourceMetadata metadata = resource.metadata();
        try {
            if (!metadata.name().equals(name)) {
                throw new InvalidResourceException("metadata.name", "'" + metadata.name() + "' is not the name in "
                        + "the path, '" + name + "'");
            }
            if (!metadata.scope().isGlobal() && !metadata.scope().equals(scope)) {
                throw new InvalidResourceException("metadata.scope", metadata.scope() + " is not the scope of the "
                        + "path, " + scope + "; leave it out or make it the same");
            }
        } catch (InvalidResourceException e) {
            audit.record(caller, "PUT", kind, resource, "INVALID", dryRun, e.getMessage());
            throw e;
        }
        write(ctx, caller, resource.withMetadata(new ResourceMetadata(metadata.name(), scope, metadata.labels(),
                metadata.revision(), metadata.updatedAt(), metadata.updatedBy())), dryRun, "PUT");
    }

    /** POST of a resource the route made from the request (its name derived from the body). */
    void post(Context ctx, AdminIdentity caller, Resource resource) {
        write(ctx, caller, resource, dryRun(ctx, caller), "POST");
    }

    private Resource read(Context ctx, AdminIdentity caller, boolean dryRun) {
        try {
            return ResourceBody.read(ctx);
        } catch (InvalidResourceException | ApiException e) {
            audit.record(caller, "PUT", kind, null, "INVALID", dryRun, e.getMessage());
            throw e;
        }
    }

    private void write(Context ctx, AdminIdentity caller, Resource resource, boolean dryRun, String action) {
        try {
            checkKind(resource.kind());
            Map<ResourceId, Resource> planned = new HashMap<>(store.snapshot());
            planned.put(resource.id(), resource);
            validator.validate(resource, planned);
        } catch (InvalidResourceException e) {
            audit.record(caller, action, kind, resource, "INVALID", dryRun, e.getMessage());
            throw e;
        }
        Resource stored;
        try {
            stored = store.get(resource.id()).orElse(null);
            checkRevision(resource, stored);
        } catch (ApiException e) {
            audit.record(caller, action, kind, resource, "CONFLICT", dryRun, e.getMessage());
            throw e;
        }
        if (dryRun) {
            PutResult.Outcome outcome = stored == null ? PutResult.Outcome.CREATED
                    : resource.hasSameContentAs(stored) ? PutResult.Outcome.UNCHANGED : PutResult.Outcome.UPDATED;
            audit.record(caller, action, kind, resource, outcome.name(), true, null);
            ObjectNode body = JSON.createObjectNode();
            body.put("outcome", outcome.name());
            body.put("dryRun", true);
            body.set("resource", ResourceDocuments.toNode(outcome == PutResult.Outcome.UNCHANGED ? stored
                    : resource.withMetadata(resource.metadata().stored(0, null, null))));
            ctx.status(200).json(body);
            return;
        }
        PutResult result;
        try {
            result = store.put(resource, caller.name());
        } catch (ResourceStoreException e) {
            audit.record(caller, action, kind, resource, "FAILED", false, e.getMessage());
            throw e;
        }
        audit.record(caller, action, kind, resource, result.outcome().name(), false, null);
        ObjectNode body = JSON.createObjectNode();
        body.put("outcome", result.outcome().name());
        body.set("resource", ResourceDocuments.toNode(result.resource()));
        ctx.status(result.outcome() == PutResult.Outcome.CREATED ? 201 : 200).json(body);
    }

    void delete(Context ctx, AdminIdentity caller) {
        String name = ctx.pathParam(nameParameter);
        Resource target;
        try {
            target = lookup.find(ctx, name);
        } catch (ApiException e) {
            audit.recordByName(caller, "DELETE", kind, name, e.status() == 404 ? "NOT_FOUND"
                    : e.status() == 409 ? "CONFLICT" : "INVALID", e.getMessage());
            throw e;
        }
        boolean deleted;
        try {
            deleted = store.delete(target.id(), caller.name());
        } catch (ResourceStoreException e) {
            audit.record(caller, "DELETE", kind, target, "FAILED", false, e.getMessage());
            throw e;
        }
        audit.record(caller, "DELETE", kind, target, deleted ? "DELETED" : "NOT_FOUND", false, null);
        if (!deleted) {
            throw new ApiException(404, "no " + noun + " named " + name + " in scope " + target.metadata().scope());
        }
        afterDelete.accept(target, caller);
        ctx.status(204);
    }

    private void checkKind(String found) {
        if (kind.equals(found)) {
            return;
        }
        String collection = ManagedKinds.COLLECTIONS.get(found);
        throw new InvalidResourceException("kind", collection == null
                ? "unknown kind '" + found + "'; this gateway manages " + String.join(", ",
                ManagedKinds.COLLECTIONS.keySet()) + " resources"
                : "expected " + kind + " on this route: PUT a " + found + " to " + collection);
    }

    private static void checkRevision(Resource resource, Resource stored) {
        long expected = resource.metadata().revision();
        if (expected > 0 && stored != null && stored.metadata().revision() != expected
                && !resource.hasSameContentAs(stored)) {
            throw new ApiException(409, resource.id() + " is at revision " + stored.metadata().revision()
                    + " (last changed by " + stored.metadata().updatedBy() + "), not " + expected
                    + " as the document says: read it again, or leave metadata.revision out to overwrite it",
                    "metadata.revision");
        }
    }

    private boolean dryRun(Context ctx, AdminIdentity caller) {
        for (Map.Entry<String, List<String>> parameter : ctx.queryParamMap().entrySet()) {
            if (!parameter.getKey().equals("dryRun")) {
                String message = "unknown query parameter '" + parameter.getKey() + "'; this route takes dryRun";
                audit.recordByName(caller, "PUT", kind, null, "INVALID", message);
                throw new ApiException(400, message, parameter.getKey());
            }
        }
        String value = ctx.queryParam("dryRun");
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.isEmpty() || value.equals("true")) {
            return true;
        }
        String message = "query parameter 'dryRun' must be true or false, not '" + value + "'";
        audit.recordByName(caller, "PUT", kind, null, "INVALID", message);
        throw new ApiException(400, message, "dryRun");
    }
}
