package io.streamgate.core.vcluster.mapping;

import io.streamgate.core.vcluster.TenantNamespace;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.message.OffsetForLeaderEpochRequestData;
import org.apache.kafka.common.message.OffsetForLeaderEpochRequestData.OffsetForLeaderPartition;
import org.apache.kafka.common.message.OffsetForLeaderEpochRequestData.OffsetForLeaderTopic;
import org.apache.kafka.common.message.OffsetForLeaderEpochResponseData;
import org.apache.kafka.common.message.OffsetForLeaderEpochResponseData.EpochEndOffset;
import org.apache.kafka.common.message.OffsetForLeaderEpochResponseData.OffsetForLeaderTopicResult;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;

import java.util.ArrayList;
import java.util.List;

/** OffsetForLeaderEpoch (by name, every version): each topic needs DESCRIBE, as a consumer's does on a broker. */
final class OffsetForLeaderEpochMapper implements ApiMapper {

    @Override
    public Mapping map(ApiMessage message, short version, TenantContext tenant) {
        OffsetForLeaderEpochRequestData request = (OffsetForLeaderEpochRequestData) message;
        TenantNamespace names = tenant.names();
        List<OffsetForLeaderTopicResult> refused = new ArrayList<>();
        KeyedCollections.retainRenamed(request.topics(), topic -> {
            if (!TopicAccess.READS.permits(tenant, topic.topic(), AclOperation.DESCRIBE)) {
                refused.add(refusal(topic));
                return false;
            }
            topic.setTopic(names.physicalTopic(topic.topic()));
            return true;
        });
        if (request.topics().isEmpty() && !refused.isEmpty()) {
            OffsetForLeaderEpochResponseData response = new OffsetForLeaderEpochResponseData();
            refused.forEach(response.topics()::add);
            return Answers.of(response);
        }
        return new Mapping.Forward(request, (response, responseVersion) -> {
            OffsetForLeaderEpochResponseData epochs = (OffsetForLeaderEpochResponseData) response;
            KeyedCollections.retainRenamed(epochs.topics(), topic -> {
                String logical = names.logicalTopic(topic.topic());
                topic.setTopic(logical);
                return logical != null;
            });
            refused.forEach(epochs.topics()::add);
            return epochs;
        });
    }

    private static OffsetForLeaderTopicResult refusal(OffsetForLeaderTopic topic) {
        OffsetForLeaderTopicResult result = new OffsetForLeaderTopicResult().setTopic(topic.topic());
        for (OffsetForLeaderPartition partition : topic.partitions()) {
            result.partitions().add(new EpochEndOffset().setPartition(partition.partition())
                    .setErrorCode(Errors.TOPIC_AUTHORIZATION_FAILED.code()));
        }
        return result;
    }
}
