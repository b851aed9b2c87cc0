package io.streamgate.core.vcluster.mapping;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.resource.ResourceType;

/**
 * What one topic a group or transaction API names is for the tenant: its physical name, or the error a broker gives
 * for it (TOPIC_AUTHORIZATION_FAILED when the tenant may not, UNKNOWN_TOPIC_ID for an id that is not the tenant's).
 *
 * @param logical the topic's logical name; null for an id that is not the tenant's
 * @param physical the topic's physical name; null when refused
 * @param error NONE, or why the topic is refused
 */
record TopicResolution(String logical, String physical, Errors error) {

    boolean refused() {
        return error != Errors.NONE;
    }

    /** A topic named by its logical name, for an operation that reads or describes it. */
    static TopicResolution byName(TenantContext tenant, String logical, AclOperation operation) {
        if (!tenant.authorized(operation, ResourceType.TOPIC, logical)) {
            return new TopicResolution(logical, null, Errors.TOPIC_AUTHORIZATION_FAILED);
        }
        return new TopicResolution(logical, tenant.names().physicalTopic(logical), Errors.NONE);
    }

    /** A topic named by its logical name, for a write (read-only aliases and virtual clusters refuse it). */
    static TopicResolution byNameForWrite(TenantContext tenant, String logical) {
        TopicResolution resolution = byName(tenant, logical, AclOperation.WRITE);
        return resolution.refused() || tenant.writable(logical) ? resolution
                : new TopicResolution(logical, null, Errors.TOPIC_AUTHORIZATION_FAILED);
    }

    /** A topic named by its id, which {@link ApiMapper#topicIds} returned. */
    static TopicResolution byId(TenantContext tenant, Uuid topicId, AclOperation operation) {
        String physical = tenant.physicalTopicName(topicId);
        String logical = physical == null ? null : tenant.names().logicalTopic(physical);
        if (logical == null) {
            return new TopicResolution(null, null, Errors.UNKNOWN_TOPIC_ID);
        }
        return byName(tenant, logical, operation);
    }
}
