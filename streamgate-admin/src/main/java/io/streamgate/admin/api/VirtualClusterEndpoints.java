package io.streamgate.admin.api;

import io.javalin.http.Context;
import io.streamgate.admin.security.AdminIdentity;
import io.streamgate.admin.vcluster.AclBindingSpec;
import io.streamgate.admin.vcluster.AliasTopicSpec;
import io.streamgate.admin.vcluster.VirtualClusterRules;
import io.streamgate.admin.vcluster.VirtualClusterSpec;
import io.streamgate.api.Scope;
import io.streamgate.state.InvalidResourceException;
import io.streamgate.state.Resource;
import io.streamgate.state.ResourceId;
import io.streamgate.state.ResourceStore;
import io.streamgate.state.ResourceValidator;
import io.streamgate.state.document.ResourceDocuments;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The routes of virtual clusters and their resources, under {@code /api/v1/virtual-clusters}:
 * <ul>
 *   <li>{@code /{name}}: GET, PUT (the body's name is the path's), DELETE, refused (409) while alias topics, ACL
 *       bindings or service accounts refer to the virtual cluster, which are named;</li>
 *   <li>{@code /{name}/alias-topics[/{topic}]}: GET the list or one, PUT, DELETE;</li>
 *   <li>{@code /{name}/acls[/{bindingName}]}: GET the list (filtered on binding fields) or one, POST one binding
 *       (its spec as a JSON object; named after the binding, so posting it again is answered UNCHANGED), PUT (a
 *       document with its own name, as {@code apply -f} sends it), DELETE.</li>
 * </ul>
 * Writes are validated among the store's resources, audited, and take {@code dryRun}, as every resource route.
 */
final class VirtualClusterEndpoints {

    private static final Map<String, Boolean> ACL_FILTERS = Map.of("resourceType", true, "patternType", true,
            "resourceName", false, "principal", false, "host", false, "operation", true, "permission", true);

    private final ResourceStore store;
    private final ChangeAudit audit;
    private final GlobalResourceQueries clusters;
    private final ResourceChanges clusterChanges;
    private final VirtualClusterResourceQueries aliases;
    private final ResourceChanges aliasChanges;
    private final VirtualClusterResourceQueries acls;
    private final ResourceChanges aclChanges;

    VirtualClusterEndpoints(ResourceStore store, ResourceValidator validator, ChangeAudit audit) {
        this.store = store;
        this.audit = audit;
        this.clusters = new GlobalResourceQueries(VirtualClusterSpec.KIND, "virtual cluster", store,
                ResourceDocuments::toNode);
        this.clusterChanges = new ResourceChanges(VirtualClusterSpec.KIND, "virtual cluster", "name", store,
                this::deletableCluster, validator, audit, (deleted, caller) -> { });
        this.aliases = new VirtualClusterResourceQueries(AliasTopicSpec.KIND, "alias topic", "topic", store, clusters,
                Map.of("physicalTopic", false), Resource::spec);
        this.aliasChanges = new ResourceChanges(AliasTopicSpec.KIND, "alias topic", "topic", store, aliases::find,
                validator, audit, (deleted, caller) -> { });
        this.acls = new VirtualClusterResourceQueries(AclBindingSpec.KIND, "ACL binding", "bindingName", store,
                clusters, ACL_FILTERS, resource -> AclBindingSpec.of(resource)
                .toResource(resource.metadata().scope().virtualCluster(), resource.metadata().name()).spec());
        this.aclChanges = new ResourceChanges(AclBindingSpec.KIND, "ACL binding", "bindingName", store, acls::find,
                validator, audit, (deleted, caller) -> { });
    }

    GlobalResourceQueries clusters() {
        return clusters;
    }

    ResourceChanges clusterChanges() {
        return clusterChanges;
    }

    VirtualClusterResourceQueries aliases() {
        return aliases;
    }

    ResourceChanges aliasChanges() {
        return aliasChanges;
    }

    VirtualClusterResourceQueries acls() {
        return acls;
    }

    ResourceChanges aclChanges() {
        return aclChanges;
    }

    void putCluster(Context ctx, AdminIdentity caller) {
        clusterChanges.putAt(ctx, caller, ctx.pathParam("name"), Scope.GLOBAL);
    }

    void putAlias(Context ctx, AdminIdentity caller) {
        aliasChanges.putAt(ctx, caller, ctx.pathParam("topic"), Scope.virtualCluster(ctx.pathParam("name")));
    }

    void putAcl(Context ctx, AdminIdentity caller) {
        aclChanges.putAt(ctx, caller, ctx.pathParam("bindingName"), Scope.virtualCluster(ctx.pathParam("name")));
    }

    /**
     * Creates one binding, named after it; a binding the virtual cluster already has (under any name) is answered as
     * it is stored, UNCHANGED.
     */
    void postAcl(Context ctx, AdminIdentity caller) {
        String virtualCluster = ctx.pathParam("name");
        AclBindingSpec spec;
        try {
            spec = AclBindingSpec.of(RequestObject.read(ctx, AclBindingSpec.FIELDS).object());
        } catch (InvalidResourceException | ApiException e) {
            audit.recordByName(caller, "POST", AclBindingSpec.KIND, null, "INVALID", e.getMessage());
            throw e;
        }
        Resource resource = store.list(AclBindingSpec.KIND).stream()
                .filter(stored -> virtualCluster.equals(stored.metadata().scope().virtualCluster()))
                .filter(stored -> sameBinding(stored, spec))
                .findFirst()
                .orElseGet(() -> spec.toResource(virtualCluster, spec.derivedName()));
        aclChanges.post(ctx, caller, resource);
    }

    private static boolean sameBinding(Resource stored, AclBindingSpec spec) {
        try {
            return AclBindingSpec.of(stored).equals(spec);
        } catch (InvalidResourceException e) {
            return false;
        }
    }

    /** The virtual cluster a DELETE names, once nothing refers to it. */
    private Resource deletableCluster(Context ctx, String name) {
        Resource cluster = clusters.find(ctx, name);
        List<ResourceId> dependents = VirtualClusterRules.dependents(name, store.snapshot().values());
        if (!dependents.isEmpty()) {
            throw new ApiException(409, "virtual cluster " + name + " is still referred to by "
                    + dependents.stream().map(id -> id.kind() + " " + id.name()).collect(Collectors.joining(", "))
                    + ": delete them, or move the service accounts to another virtual cluster, first");
        }
        return cluster;
    }
}
