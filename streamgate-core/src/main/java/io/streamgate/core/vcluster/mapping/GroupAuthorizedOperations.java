package io.streamgate.core.vcluster.mapping;

import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.ResourceType;

import java.util.List;

/**
 * The {@code authorizedOperations} of a described group, as the tenant's ACLs grant them: the broker computed the
 * gateway's own on the physical group, which says nothing of the tenant's principal.
 */
final class GroupAuthorizedOperations {

    /** The operations Kafka defines on groups. */
    private static final List<AclOperation> GROUP_OPERATIONS = List.of(AclOperation.READ, AclOperation.DESCRIBE,
            AclOperation.DELETE, AclOperation.DESCRIBE_CONFIGS, AclOperation.ALTER_CONFIGS);

    private GroupAuthorizedOperations() {
    }

    /** The bit field a broker returns: bit {@code code} set for each allowed operation. */
    static int of(TenantContext tenant, String logicalGroup) {
        int operations = 0;
        for (AclOperation operation : GROUP_OPERATIONS) {
            if (tenant.authorized(operation, ResourceType.GROUP, logicalGroup)) {
                operations |= 1 << operation.code();
            }
        }
        return operations;
    }
}
