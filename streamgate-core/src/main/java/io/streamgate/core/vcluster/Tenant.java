package io.streamgate.core.vcluster;

import io.streamgate.core.acl.TenantAcls;

import java.util.Objects;

/**
 * Everything the gateway needs to serve one virtual cluster's connections, as of one version of the store: its
 * definition, its names and its ACLs. Immutable; a store change makes a new one.
 */
public record Tenant(VirtualCluster cluster, TenantNamespace names, TenantAcls acls) {

    public Tenant {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(acls, "acls");
    }

    public String name() {
        return cluster.name();
    }
}
