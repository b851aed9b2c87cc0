package io.streamgate.core.vcluster.mapping;

import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.Resource;
import org.apache.kafka.common.resource.ResourceType;

import java.util.List;

/**
 * The authorized-operations bit fields of Metadata and DescribeTopicPartitions responses, from the tenant's ACLs: the
 * broker computes them for the gateway's own principal on the physical cluster, which says nothing true about the
 * tenant.
 */
final class AuthorizedOperations {

    /** The operations Kafka reports for a topic. */
    private static final List<AclOperation> TOPIC = List.of(AclOperation.READ, AclOperation.WRITE,
            AclOperation.CREATE, AclOperation.DELETE, AclOperation.ALTER, AclOperation.DESCRIBE,
            AclOperation.DESCRIBE_CONFIGS, AclOperation.ALTER_CONFIGS);

    /** The operations Kafka reports for the cluster. */
    private static final List<AclOperation> CLUSTER = List.of(AclOperation.CREATE, AclOperation.CLUSTER_ACTION,
            AclOperation.DESCRIBE_CONFIGS, AclOperation.ALTER_CONFIGS, AclOperation.IDEMPOTENT_WRITE,
            AclOperation.ALTER, AclOperation.DESCRIBE);

    private AuthorizedOperations() {
    }

    static int ofTopic(TenantContext tenant, String logicalTopic) {
        return bits(tenant, TOPIC, ResourceType.TOPIC, logicalTopic);
    }

    static int ofCluster(TenantContext tenant) {
        return bits(tenant, CLUSTER, ResourceType.CLUSTER, Resource.CLUSTER_NAME);
    }

    private static int bits(TenantContext tenant, List<AclOperation> operations, ResourceType type, String name) {
        int bits = 0;
        for (AclOperation operation : operations) {
            if (tenant.authorized(operation, type, name)) {
                bits |= 1 << operation.code();
            }
        }
        return bits;
    }
}
