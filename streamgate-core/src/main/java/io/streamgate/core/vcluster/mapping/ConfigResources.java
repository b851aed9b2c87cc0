package io.streamgate.core.vcluster.mapping;

import io.streamgate.core.vcluster.TenantNamespace;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The configuration resources of DescribeConfigs, AlterConfigs and IncrementalAlterConfigs as a tenant may name them:
 * its topics and (KIP-848) its consumer groups. Brokers, broker loggers and client-metrics subscriptions configure
 * the physical cluster, whose operator a tenant is not: {@code CLUSTER_AUTHORIZATION_FAILED}, per resource.
 */
final class ConfigResources {

    private ConfigResources() {
    }

    /**
     * The error the tenant gets for the resource, or {@code NONE} when it may perform {@code operation}
     * (DESCRIBE_CONFIGS or ALTER_CONFIGS) on it. Altering a topic's configuration changes the topic itself, which a
     * read-only topic or an alias forbids; altering a group's is refused in a read-only virtual cluster.
     */
    static Errors refusal(TenantContext tenant, byte resourceType, String logicalName, AclOperation operation) {
        boolean alters = operation == AclOperation.ALTER_CONFIGS;
        return switch (ConfigResource.Type.forId(resourceType)) {
            case TOPIC -> (alters ? TopicAccess.CHANGES_TOPIC : TopicAccess.READS)
                    .permits(tenant, logicalName, operation) ? Errors.NONE : Errors.TOPIC_AUTHORIZATION_FAILED;
            case GROUP -> (alters && tenant.readOnly())
                    || !tenant.authorized(operation, ResourceType.GROUP, logicalName)
                    ? Errors.GROUP_AUTHORIZATION_FAILED : Errors.NONE;
            case UNKNOWN -> Errors.INVALID_REQUEST;
            default -> Errors.CLUSTER_AUTHORIZATION_FAILED;
        };
    }

    /** The physical name of a resource {@link #refusal} let through. */
    static String physicalName(TenantNamespace names, byte resourceType, String logicalName) {
        return ConfigResource.Type.forId(resourceType) == ConfigResource.Type.TOPIC
                ? names.physicalTopic(logicalName) : names.physicalGroup(logicalName);
    }

    /** The logical name of a resource in a response, or null when it is not the tenant's. */
    static String logicalName(TenantNamespace names, byte resourceType, String physicalName) {
        return switch (ConfigResource.Type.forId(resourceType)) {
            case TOPIC -> names.logicalTopic(physicalName);
            case GROUP -> names.logicalGroup(physicalName);
            default -> null;
        };
    }
}
