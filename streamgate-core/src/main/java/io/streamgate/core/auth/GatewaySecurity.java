package io.streamgate.core.auth;

import io.streamgate.core.policy.PolicyAudit;
import io.streamgate.core.vcluster.VirtualClusterDirectory;

import java.util.Objects;

/**
 * What authentication, tenant isolation and safeguards need from outside the engine: the service accounts and groups,
 * where authentication attempts are recorded, the virtual clusters connections land in, and where the policy
 * violations interceptors report are recorded.
 */
public record GatewaySecurity(IdentityDirectory directory, AuthenticationAudit audit,
                              VirtualClusterDirectory virtualClusters, PolicyAudit policyAudit) {

    /** No accounts, no audit, no virtual clusters: enough for listeners that need no authentication. */
    public static final GatewaySecurity NONE = new GatewaySecurity(IdentityDirectory.EMPTY, AuthenticationAudit.NONE,
            VirtualClusterDirectory.EMPTY, PolicyAudit.NONE);

    public GatewaySecurity {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(virtualClusters, "virtualClusters");
        Objects.requireNonNull(policyAudit, "policyAudit");
    }

    /** Accounts, an audit and virtual clusters; policy violations are counted, not recorded. */
    public GatewaySecurity(IdentityDirectory directory, AuthenticationAudit audit,
                           VirtualClusterDirectory virtualClusters) {
        this(directory, audit, virtualClusters, PolicyAudit.NONE);
    }

    /** Accounts and an audit, and no virtual clusters. */
    public GatewaySecurity(IdentityDirectory directory, AuthenticationAudit audit) {
        this(directory, audit, VirtualClusterDirectory.EMPTY, PolicyAudit.NONE);
    }
}
