package io.streamgate.core.vcluster.mapping;

import io.streamgate.core.vcluster.VirtualCluster;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.Resource;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import java.util.Set;

/** Virtual clusters and bindings the ACL mappers' tests share. */
final class AclTestBindings {

    static final VirtualCluster WITH_ACLS = new VirtualCluster("a", "a.", true, Set.of("User:root"), false);
    static final VirtualCluster WITHOUT_ACLS = new VirtualCluster("a", "a.", false, Set.of("User:root"), false);

    /** What lets {@code admin} manage the virtual cluster's ACLs. */
    static final AclBinding ADMIN_ALTERS_CLUSTER = allow(ResourceType.CLUSTER, Resource.CLUSTER_NAME,
            PatternType.LITERAL, "User:admin", AclOperation.ALTER);
    /** What lets {@code auditor} read them. */
    static final AclBinding AUDITOR_DESCRIBES_CLUSTER = allow(ResourceType.CLUSTER, Resource.CLUSTER_NAME,
            PatternType.LITERAL, "User:auditor", AclOperation.DESCRIBE);

    private AclTestBindings() {
    }

    static AclBinding allow(ResourceType type, String name, PatternType patternType, String principal,
                            AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, patternType),
                new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
    }
}
