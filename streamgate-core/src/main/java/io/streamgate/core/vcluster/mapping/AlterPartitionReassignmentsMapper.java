package io.streamgate.core.vcluster.mapping;

import io.streamgate.core.vcluster.TenantNamespace;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.message.AlterPartitionReassignmentsRequestData;
import org.apache.kafka.common.message.AlterPartitionReassignmentsRequestData.ReassignableTopic;
import org.apache.kafka.common.message.AlterPartitionReassignmentsResponseData;
import org.apache.kafka.common.message.AlterPartitionReassignmentsResponseData.ReassignablePartitionResponse;
import org.apache.kafka.common.message.AlterPartitionReassignmentsResponseData.ReassignableTopicResponse;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.resource.Resource;
import org.apache.kafka.common.resource.ResourceType;

import java.util.ArrayList;
import java.util.List;

/**
 * AlterPartitionReassignments needs ALTER on the cluster, as on a broker; without it the response carries
 * {@code CLUSTER_AUTHORIZATION_FAILED}, and so does every partition. Each topic must be the tenant's own and writable
 * ({@link TopicAccess#CHANGES_TOPIC}): moving an alias's replicas would move someone else's data.
 */
final class AlterPartitionReassignmentsMapper implements ApiMapper {

    @Override
    public Mapping map(ApiMessage message, short version, TenantContext tenant) {
        AlterPartitionReassignmentsRequestData request = (AlterPartitionReassignmentsRequestData) message;
        TenantNamespace names = tenant.names();
        if (!tenant.authorized(AclOperation.ALTER, ResourceType.CLUSTER, Resource.CLUSTER_NAME)) {
            List<ReassignableTopicResponse> refused = new ArrayList<>();
            request.topics().forEach(topic -> refused.add(refusal(topic, Errors.CLUSTER_AUTHORIZATION_FAILED)));
            return Answers.of(new AlterPartitionReassignmentsResponseData()
                    .setErrorCode(Errors.CLUSTER_AUTHORIZATION_FAILED.code())
                    .setErrorMessage(Errors.CLUSTER_AUTHORIZATION_FAILED.message())
                    .setAllowReplicationFactorChange(request.allowReplicationFactorChange())
                    .setResponses(refused));
        }
        List<ReassignableTopicResponse> refused = new ArrayList<>();
        request.topics().removeIf(topic -> {
            if (!TopicAccess.CHANGES_TOPIC.allows(tenant, topic.name())) {
                refused.add(refusal(topic, Errors.TOPIC_AUTHORIZATION_FAILED));
                return true;
            }
            topic.setName(names.physicalTopic(topic.name()));
            return false;
        });
        if (request.topics().isEmpty() && !refused.isEmpty()) {
            return Answers.of(new AlterPartitionReassignmentsResponseData()
                    .setAllowReplicationFactorChange(request.allowReplicationFactorChange()).setResponses(refused));
        }
        return new Mapping.Forward(request, (response, responseVersion) -> {
            AlterPartitionReassignmentsResponseData altered = (AlterPartitionReassignmentsResponseData) response;
            altered.responses().removeIf(topic -> {
                String logical = names.logicalTopic(topic.name());
                topic.setName(logical);
                return logical == null;
            });
            altered.responses().addAll(refused);
            return altered;
        });
    }

    private static ReassignableTopicResponse refusal(ReassignableTopic topic, Errors error) {
        ReassignableTopicResponse response = new ReassignableTopicResponse().setName(topic.name());
        topic.partitions().forEach(partition -> response.partitions().add(new ReassignablePartitionResponse()
                .setPartitionIndex(partition.partitionIndex()).setErrorCode(error.code())
                .setErrorMessage(error.message())));
        return response;
    }
}
