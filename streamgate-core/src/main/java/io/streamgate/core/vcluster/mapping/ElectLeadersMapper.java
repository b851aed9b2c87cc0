package io.streamgate.core.vcluster.mapping;

import io.streamgate.core.vcluster.TenantNamespace;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.message.ElectLeadersRequestData;
import org.apache.kafka.common.message.ElectLeadersRequestData.TopicPartitions;
import org.apache.kafka.common.message.ElectLeadersResponseData;
import org.apache.kafka.common.message.ElectLeadersResponseData.PartitionResult;
import org.apache.kafka.common.message.ElectLeadersResponseData.ReplicaElectionResult;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.resource.Resource;
import org.apache.kafka.common.resource.ResourceType;

import java.util.ArrayList;
import java.util.List;

/**
 * ElectLeaders needs ALTER on the cluster, as on a broker; without it every partition (and, from v1, the response)
 * gets {@code CLUSTER_AUTHORIZATION_FAILED}. A null topic list asks for every partition of the physical cluster, which
 * no tenant may do: it is refused the same way. Each named topic must be the tenant's own and writable
 * ({@link TopicAccess#CHANGES_TOPIC}), or its partitions get {@code TOPIC_AUTHORIZATION_FAILED}.
 */
final class ElectLeadersMapper implements ApiMapper {

    private static final short FIRST_VERSION_WITH_ERROR = 1;

    @Override
    public Mapping map(ApiMessage message, short version, TenantContext tenant) {
        ElectLeadersRequestData request = (ElectLeadersRequestData) message;
        TenantNamespace names = tenant.names();
        if (request.topicPartitions() == null
                || !tenant.authorized(AclOperation.ALTER, ResourceType.CLUSTER, Resource.CLUSTER_NAME)) {
            ElectLeadersResponseData response = new ElectLeadersResponseData();
            if (version >= FIRST_VERSION_WITH_ERROR) {
                response.setErrorCode(Errors.CLUSTER_AUTHORIZATION_FAILED.code());
            }
            if (request.topicPartitions() != null) {
                request.topicPartitions().forEach(topic -> response.replicaElectionResults()
                        .add(refusal(topic, Errors.CLUSTER_AUTHORIZATION_FAILED)));
            }
            return Answers.of(response);
        }
        List<ReplicaElectionResult> refused = new ArrayList<>();
        KeyedCollections.retainRenamed(request.topicPartitions(), topic -> {
            if (!TopicAccess.CHANGES_TOPIC.allows(tenant, topic.topic())) {
                refused.add(refusal(topic, Errors.TOPIC_AUTHORIZATION_FAILED));
                return false;
            }
            topic.setTopic(names.physicalTopic(topic.topic()));
            return true;
        });
        if (request.topicPartitions().isEmpty() && !refused.isEmpty()) {
            return Answers.of(new ElectLeadersResponseData().setReplicaElectionResults(refused));
        }
        return new Mapping.Forward(request, (response, responseVersion) -> {
            ElectLeadersResponseData elected = (ElectLeadersResponseData) response;
            elected.replicaElectionResults().removeIf(result -> {
                String logical = names.logicalTopic(result.topic());
                result.setTopic(logical);
                return logical == null;
            });
            elected.replicaElectionResults().addAll(refused);
            return elected;
        });
    }

    private static ReplicaElectionResult refusal(TopicPartitions topic, Errors error) {
        ReplicaElectionResult result = new ReplicaElectionResult().setTopic(topic.topic());
        for (int partition : topic.partitions()) {
            result.partitionResult().add(new PartitionResult().setPartitionId(partition).setErrorCode(error.code())
                    .setErrorMessage(error.message()));
        }
        return result;
    }
}
