package io.streamgate.core.auth;

import io.streamgate.core.vcluster.VirtualClusterDirectory;

import java.util.Objects;

/**
 * What authentication and tenant isolation need from outside the engine: the service accounts and groups, where
 * attempts are recorded, and the virtual clusters connections land in.
 */
public record GatewaySecurity(IdentityDirectory directory, AuthenticationAudit audit,
                              VirtualClusterDirectory virtualClusters) {

    /** No accounts, no audit, no virtual clusters: enough for listeners that need no authentication. */
    public static final GatewaySecurity NONE = new GatewaySecurity(IdentityDirectory.EMPTY, AuthenticationAudit.NONE,
            VirtualClusterDirectory.EMPTY);

    public GatewaySecurity {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(virtualClusters, "virtualClusters");
    }

    /** Accounts and an audit, and no virtual clusters. */
    public GatewaySecurity(IdentityDirectory directory, AuthenticationAudit audit) {
        this(directory, audit, VirtualClusterDirectory.EMPTY);
    }
}
