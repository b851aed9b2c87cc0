package io.streamgate.core.vcluster.mapping;

import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Whether the tenant may run transactions with a transactional id: Kafka asks WRITE on it, and a read-only virtual
 * cluster runs none (its producers could write nothing). A refusal is TRANSACTIONAL_ID_AUTHORIZATION_FAILED.
 */
final class TransactionalIdWrites {

    private TransactionalIdWrites() {
    }

    static boolean allowed(TenantContext tenant, String logicalTransactionalId) {
        return !tenant.readOnly()
                && tenant.authorized(AclOperation.WRITE, ResourceType.TRANSACTIONAL_ID, logicalTransactionalId);
    }
}
