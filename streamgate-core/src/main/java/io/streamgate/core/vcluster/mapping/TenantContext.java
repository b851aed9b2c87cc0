package io.streamgate.core.vcluster.mapping;

import io.streamgate.core.vcluster.Tenant;
import io.streamgate.core.vcluster.TenantNamespace;
import io.streamgate.core.vcluster.VirtualClusterDirectory;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.ResourceType;

/**
 * What a mapper may know and ask about the connection whose request it maps. Confined to the connection's event
 * loop.
 */
public interface TenantContext {

    Tenant tenant();

    default TenantNamespace names() {
        return tenant().names();
    }

    /**
     * The physical name of a topic id that {@link ApiMapper#topicIds} returned; null when the physical cluster has no
     * such topic. Whether the topic belongs to the tenant is for the mapper to check, with
     * {@link TenantNamespace#logicalTopic}.
     */
    String physicalTopicName(Uuid topicId);

    /**
     * Whether the connection may perform {@code operation} on the resource of that type and logical name (use
     * {@link ResourceType#CLUSTER} with name {@code kafka-cluster} for cluster operations). Always true when the
     * virtual cluster does not enforce ACLs or the principal is one of its super users.
     */
    boolean authorized(AclOperation operation, ResourceType resourceType, String logicalName);

    /**
     * Whether records may be written to the logical topic, and the topic be deleted, altered or grown: false in a
     * read-only virtual cluster and for a read-only alias.
     */
    boolean writable(String logicalTopic);

    /**
     * Whether the broker's incremental fetch session {@code sessionId} (of the broker this connection fetches from)
     * was created for this virtual cluster: another tenant's session must not be continued by guessing its id.
     */
    boolean ownsFetchSession(int sessionId);

    /** Whether the virtual cluster is read-only: every write API is refused. */
    default boolean readOnly() {
        return tenant().cluster().readOnly();
    }

    /** The connection's principal name (without {@code User:}). */
    String principal();

    /** Whether the principal is one of the virtual cluster's super users. */
    boolean superUser();

    /** For the ACL APIs: where a super user's CreateAcls and DeleteAcls are stored. */
    VirtualClusterDirectory directory();
}
