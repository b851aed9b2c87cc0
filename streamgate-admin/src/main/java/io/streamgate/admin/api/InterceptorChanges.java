package io.streamgate.admin.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.streamgate.admin.audit.AuditEvent;
import io.streamgate.admin.audit.AuditLog;
import io.streamgate.admin.interceptors.InterceptorResourceMapper;
import io.streamgate.admin.security.AdminIdentity;
import io.streamgate.api.Scope;
import io.streamgate.state.InvalidResourceException;
import io.streamgate.state.PutResult;
import io.streamgate.state.Resource;
import io.streamgate.state.ResourceStore;
import io.streamgate.state.ResourceStoreException;
import io.streamgate.state.ResourceValidator;
import io.streamgate.state.document.ResourceDocuments;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code PUT /api/v1/interceptors} (create or update; {@code ?dryRun=true} validates and tells what would happen,
 * storing nothing) and {@code DELETE /api/v1/interceptors/{name}}. Every request, done or refused, is recorded in
 * the audit log with its outcome.
 *
 * <p>A PUT is validated completely before anything is stored: the document, the spec, the plugin and its
 * configuration. A document carrying {@code metadata.revision} (as read from the API) is an optimistic-concurrency
 * check: if the stored resource has another revision and other content, the answer is 409 and nothing changes.
 */
final class InterceptorChanges {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ResourceStore store;
    private final ResourceValidator validator;
    private final AuditLog audit;
    private final Clock clock;
    private final InterceptorQueries queries;

    InterceptorChanges(ResourceStore store, InterceptorQueries queries, ResourceValidator validator, AuditLog audit,
                       Clock clock) {
        this.store = store;
        this.queries = queries;
        this.validator = validator;
        this.audit = audit;
        this.clock = clock;
    }

    void put(Context ctx, AdminIdentity caller) {
        boolean dryRun = dryRun(ctx, caller);
        Resource resource;
        try {
            resource = ResourceBody.read(ctx);
        } catch (InvalidResourceException | ApiException e) {
            record(caller, "PUT", null, "INVALID", dryRun, e.getMessage());
            throw e;
        }
        try {
            validator.validate(resource);
        } catch (InvalidResourceException e) {
            record(caller, "PUT", resource, "INVALID", dryRun, e.getMessage());
            throw e;
        }
        Resource stored;
        try {
            stored = store.get(resource.id()).orElse(null);
            checkRevision(resource, stored);
        } catch (ApiException e) {
            record(caller, "PUT", resource, "CONFLICT", dryRun, e.getMessage());
            throw e;
        }
        if (dryRun) {
            PutResult.Outcome outcome = stored == null ? PutResult.Outcome.CREATED
                    : resource.hasSameContentAs(stored) ? PutResult.Outcome.UNCHANGED : PutResult.Outcome.UPDATED;
            record(caller, "PUT", resource, outcome.name(), true, null);
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
            record(caller, "PUT", resource, "FAILED", false, e.getMessage());
            throw e;
        }
        record(caller, "PUT", resource, result.outcome().name(), false, null);
        ObjectNode body = JSON.createObjectNode();
        body.put("outcome", result.outcome().name());
        body.set("resource", ResourceDocuments.toNode(result.resource()));
        ctx.status(result.outcome() == PutResult.Outcome.CREATED ? 201 : 200).json(body);
    }

    void delete(Context ctx, AdminIdentity caller) {
        String name = ctx.pathParam("name");
        Resource target;
        try {
            target = queries.find(name, ScopeParameters.of(ctx, Set.of()));
        } catch (ApiException e) {
            recordByName(caller, "DELETE", name, e.status() == 404 ? "NOT_FOUND" : e.status() == 409 ? "CONFLICT" : "INVALID",
                    e.getMessage());
            throw e;
        }
        boolean deleted;
        try {
            deleted = store.delete(target.id(), caller.name());
        } catch (ResourceStoreException e) {
            record(caller, "DELETE", target, "FAILED", false, e.getMessage());
            throw e;
        }
        record(caller, "DELETE", target, deleted ? "DELETED" : "NOT_FOUND", false, null);
        if (!deleted) {
            throw new ApiException(404, "no interceptor named " + name + " in scope " + target.metadata().scope());
        }
        ctx.status(204);
    }

    /** Records a request refused before it was looked at (a viewer writing). */
    void recordRefusal(Context ctx, AdminIdentity caller, String outcome, String message) {
        String name = ctx.pathParamMap().get("name");
        recordByName(caller, ctx.method().name(), name, outcome, message);
    }

    private void recordByName(AdminIdentity caller, String action, String name, String outcome, String message) {
        audit.record(new AuditEvent(clock.instant(), caller.name(), action, InterceptorResourceMapper.KIND, name,
                null, outcome, false, message));
    }

    private void record(AdminIdentity caller, String action, Resource resource, String outcome, boolean dryRun,
                        String error) {
        audit.record(new AuditEvent(clock.instant(), caller.name(), action,
                resource == null ? InterceptorResourceMapper.KIND : resource.kind(),
                resource == null ? null : resource.metadata().name(),
                resource == null ? null : scope(resource.metadata().scope()), outcome, dryRun, error));
    }

    private static Map<String, String> scope(Scope scope) {
        Map<String, String> parts = new LinkedHashMap<>();
        if (scope.virtualCluster() != null) {
            parts.put("virtualCluster", scope.virtualCluster());
        }
        if (scope.group() != null) {
            parts.put("group", scope.group());
        }
        if (scope.username() != null) {
            parts.put("username", scope.username());
        }
        return parts;
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
                recordByName(caller, "PUT", null, "INVALID", message);
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
        recordByName(caller, "PUT", null, "INVALID", message);
        throw new ApiException(400, message, "dryRun");
    }
}
