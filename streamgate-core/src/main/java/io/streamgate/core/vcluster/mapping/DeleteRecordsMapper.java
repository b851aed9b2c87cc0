package io.streamgate.core.vcluster.mapping;

import io.streamgate.core.vcluster.TenantNamespace;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.message.DeleteRecordsRequestData;
import org.apache.kafka.common.message.DeleteRecordsRequestData.DeleteRecordsPartition;
import org.apache.kafka.common.message.DeleteRecordsRequestData.DeleteRecordsTopic;
import org.apache.kafka.common.message.DeleteRecordsResponseData;
import org.apache.kafka.common.message.DeleteRecordsResponseData.DeleteRecordsPartitionResult;
import org.apache.kafka.common.message.DeleteRecordsResponseData.DeleteRecordsTopicResult;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;

import java.util.ArrayList;
import java.util.List;

/** DeleteRecords (by name, every version): each topic needs DELETE and must be writable. */
final class DeleteRecordsMapper implements ApiMapper {

    /** The low watermark of a partition whose records were not deleted. */
    private static final long INVALID_LOW_WATERMARK = -1;

    @Override
    public Mapping map(ApiMessage message, short version, TenantContext tenant) {
        DeleteRecordsRequestData request = (DeleteRecordsRequestData) message;
        TenantNamespace names = tenant.names();
        List<DeleteRecordsTopicResult> refused = new ArrayList<>();
        request.topics().removeIf(topic -> {
            if (!TopicAccess.WRITES_RECORDS.permits(tenant, topic.name(), AclOperation.DELETE)) {
                refused.add(refusal(topic));
                return true;
            }
            topic.setName(names.physicalTopic(topic.name()));
            return false;
        });
        if (request.topics().isEmpty() && !refused.isEmpty()) {
            DeleteRecordsResponseData response = new DeleteRecordsResponseData();
            refused.forEach(response.topics()::add);
            return Answers.of(response);
        }
        return new Mapping.Forward(request, (response, responseVersion) -> {
            DeleteRecordsResponseData deleted = (DeleteRecordsResponseData) response;
            KeyedCollections.retainRenamed(deleted.topics(), topic -> {
                String logical = names.logicalTopic(topic.name());
                topic.setName(logical);
                return logical != null;
            });
            refused.forEach(deleted.topics()::add);
            return deleted;
        });
    }

    private static DeleteRecordsTopicResult refusal(DeleteRecordsTopic topic) {
        DeleteRecordsTopicResult result = new DeleteRecordsTopicResult().setName(topic.name());
        for (DeleteRecordsPartition partition : topic.partitions()) {
            result.partitions().add(new DeleteRecordsPartitionResult().setPartitionIndex(partition.partitionIndex())
                    .setLowWatermark(INVALID_LOW_WATERMARK).setErrorCode(Errors.TOPIC_AUTHORIZATION_FAILED.code()));
        }
        return result;
    }
}
