package io.streamgate.core.vcluster.mapping;

import io.streamgate.core.vcluster.TenantNamespace;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.message.ListOffsetsRequestData;
import org.apache.kafka.common.message.ListOffsetsRequestData.ListOffsetsPartition;
import org.apache.kafka.common.message.ListOffsetsRequestData.ListOffsetsTopic;
import org.apache.kafka.common.message.ListOffsetsResponseData;
import org.apache.kafka.common.message.ListOffsetsResponseData.ListOffsetsPartitionResponse;
import org.apache.kafka.common.message.ListOffsetsResponseData.ListOffsetsTopicResponse;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;

import java.util.ArrayList;
import java.util.List;

/** ListOffsets (by name, every version): each topic needs DESCRIBE, as on a broker. */
final class ListOffsetsMapper implements ApiMapper {

    @Override
    public Mapping map(ApiMessage message, short version, TenantContext tenant) {
        ListOffsetsRequestData request = (ListOffsetsRequestData) message;
        TenantNamespace names = tenant.names();
        List<ListOffsetsTopicResponse> refused = new ArrayList<>();
        request.topics().removeIf(topic -> {
            if (!TopicAccess.READS.permits(tenant, topic.name(), AclOperation.DESCRIBE)) {
                refused.add(refusal(topic));
                return true;
            }
            topic.setName(names.physicalTopic(topic.name()));
            return false;
        });
        if (request.topics().isEmpty() && !refused.isEmpty()) {
            return Answers.of(new ListOffsetsResponseData().setTopics(refused));
        }
        return new Mapping.Forward(request, (response, responseVersion) -> {
            ListOffsetsResponseData offsets = (ListOffsetsResponseData) response;
            offsets.topics().removeIf(topic -> {
                String logical = names.logicalTopic(topic.name());
                topic.setName(logical);
                return logical == null;
            });
            offsets.topics().addAll(refused);
            return offsets;
        });
    }

    private static ListOffsetsTopicResponse refusal(ListOffsetsTopic topic) {
        ListOffsetsTopicResponse response = new ListOffsetsTopicResponse().setName(topic.name());
        for (ListOffsetsPartition partition : topic.partitions()) {
            response.partitions().add(new ListOffsetsPartitionResponse().setPartitionIndex(partition.partitionIndex())
                    .setErrorCode(Errors.TOPIC_AUTHORIZATION_FAILED.code()));
        }
        return response;
    }
}
