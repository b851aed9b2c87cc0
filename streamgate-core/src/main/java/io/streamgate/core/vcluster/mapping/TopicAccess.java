package io.streamgate.core.vcluster.mapping;

import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.ResourceType;

/**
 * What a request does to a topic, and so what besides the ACL the tenant needs to be let do it. A topic the tenant
 * may not use this way gets {@code TOPIC_AUTHORIZATION_FAILED}, as a broker answers for a denied ACL.
 */
enum TopicAccess {

    /** Reads or describes the topic: the ACL alone decides. */
    READS,

    /** Writes or deletes records: the topic must also be writable (not in a read-only virtual cluster or alias). */
    WRITES_RECORDS,

    /**
     * Changes the topic itself: deletes it, adds partitions, alters its configuration or its replicas. The topic must
     * be writable and the tenant's own: an alias is a view onto a topic someone else owns, so even a writable alias
     * can be produced to but never deleted, grown or reconfigured through the virtual cluster.
     */
    CHANGES_TOPIC;

    /** Whether the tenant's ACLs grant {@code operation} on the logical topic and the topic allows this access. */
    boolean permits(TenantContext tenant, String logicalTopic, AclOperation operation) {
        return tenant.authorized(operation, ResourceType.TOPIC, logicalTopic) && allows(tenant, logicalTopic);
    }

    /** Whether the topic allows this access, whatever the ACLs say (for APIs a broker authorizes on the cluster). */
    boolean allows(TenantContext tenant, String logicalTopic) {
        return switch (this) {
            case READS -> true;
            case WRITES_RECORDS -> tenant.writable(logicalTopic);
            case CHANGES_TOPIC -> tenant.writable(logicalTopic) && tenant.names().alias(logicalTopic) == null;
        };
    }
}
