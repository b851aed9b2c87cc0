package io.streamgate.core.vcluster.mapping;

import io.streamgate.core.acl.TenantAcls;
import io.streamgate.core.vcluster.AliasTopic;
import io.streamgate.core.vcluster.Tenant;
import io.streamgate.core.vcluster.TenantNamespace;
import io.streamgate.core.vcluster.VirtualCluster;
import io.streamgate.core.vcluster.VirtualClusterDirectory;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.ResourceType;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link TenantContext} for mapper tests: one connection of {@code principal}, from {@link #HOST}, deciding as the
 * gateway's own context does (no ACLs, or a super user, or the tenant's ACLs).
 */
record FakeTenant(Tenant tenant, String principal, Set<String> groups, Map<Uuid, String> topicNames,
                  VirtualClusterDirectory directory) implements TenantContext {

    static final String HOST = "192.0.2.10";

    static FakeTenant of(VirtualCluster cluster, Collection<AliasTopic> aliases, Collection<AclBinding> acls,
                         String principal) {
        return new FakeTenant(new Tenant(cluster, new TenantNamespace(cluster.prefix(), aliases), TenantAcls.of(acls)),
                principal, Set.of(), Map.of(), VirtualClusterDirectory.EMPTY);
    }

    static FakeTenant of(VirtualCluster cluster, Collection<AclBinding> acls, String principal) {
        return of(cluster, List.of(), acls, principal);
    }

    FakeTenant withGroups(Set<String> connectionGroups) {
        return new FakeTenant(tenant, principal, connectionGroups, topicNames, directory);
    }

    FakeTenant withTopicNames(Map<Uuid, String> names) {
        return new FakeTenant(tenant, principal, groups, names, directory);
    }

    FakeTenant withDirectory(VirtualClusterDirectory store) {
        return new FakeTenant(tenant, principal, groups, topicNames, store);
    }

    @Override
    public String physicalTopicName(Uuid topicId) {
        return topicNames.get(topicId);
    }

    @Override
    public boolean authorized(AclOperation operation, ResourceType resourceType, String logicalName) {
        return !tenant.cluster().aclsEnabled() || superUser()
                || tenant.acls().authorize(principal, groups, HOST, operation, resourceType, logicalName);
    }

    @Override
    public boolean ownsFetchSession(int sessionId) {
        return true;
    }

    @Override
    public boolean writable(String logicalTopic) {
        AliasTopic alias = tenant.names().alias(logicalTopic);
        return !readOnly() && (alias == null || !alias.readOnly());
    }

    @Override
    public boolean superUser() {
        return tenant.cluster().superUsers().contains("User:" + principal);
    }
}
