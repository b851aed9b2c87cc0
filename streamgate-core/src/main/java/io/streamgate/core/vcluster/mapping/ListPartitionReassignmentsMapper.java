package io.streamgate.core.vcluster.mapping;

import io.streamgate.core.vcluster.TenantNamespace;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.message.ListPartitionReassignmentsRequestData;
import org.apache.kafka.common.message.ListPartitionReassignmentsResponseData;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.resource.Resource;
import org.apache.kafka.common.resource.ResourceType;

/**
 * ListPartitionReassignments needs DESCRIBE on the cluster, as on a broker. A null topic list asks for every
 * ongoing reassignment: the response keeps the tenant's topics it may DESCRIBE.
 */
final class ListPartitionReassignmentsMapper implements ApiMapper {

    @Override
    public Mapping map(ApiMessage message, short version, TenantContext tenant) {
        ListPartitionReassignmentsRequestData request = (ListPartitionReassignmentsRequestData) message;
        TenantNamespace names = tenant.names();
        if (!tenant.authorized(AclOperation.DESCRIBE, ResourceType.CLUSTER, Resource.CLUSTER_NAME)) {
            return Answers.of(new ListPartitionReassignmentsResponseData()
                    .setErrorCode(Errors.CLUSTER_AUTHORIZATION_FAILED.code())
                    .setErrorMessage(Errors.CLUSTER_AUTHORIZATION_FAILED.message()));
        }
        boolean listing = request.topics() == null;
        if (!listing) {
            request.topics().forEach(topic -> topic.setName(names.physicalTopic(topic.name())));
        }
        return new Mapping.Forward(request, (response, responseVersion) -> {
            ListPartitionReassignmentsResponseData listed = (ListPartitionReassignmentsResponseData) response;
            listed.topics().removeIf(topic -> {
                String logical = names.logicalTopic(topic.name());
                topic.setName(logical);
                return logical == null
                        || listing && !tenant.authorized(AclOperation.DESCRIBE, ResourceType.TOPIC, logical);
            });
            return listed;
        });
    }
}
