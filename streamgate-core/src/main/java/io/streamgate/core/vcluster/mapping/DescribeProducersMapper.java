package io.streamgate.core.vcluster.mapping;

import io.streamgate.core.vcluster.TenantNamespace;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.message.DescribeProducersRequestData;
import org.apache.kafka.common.message.DescribeProducersRequestData.TopicRequest;
import org.apache.kafka.common.message.DescribeProducersResponseData;
import org.apache.kafka.common.message.DescribeProducersResponseData.PartitionResponse;
import org.apache.kafka.common.message.DescribeProducersResponseData.TopicResponse;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;

import java.util.ArrayList;
import java.util.List;

/** DescribeProducers: each topic needs READ, as on a broker. */
final class DescribeProducersMapper implements ApiMapper {

    @Override
    public Mapping map(ApiMessage message, short version, TenantContext tenant) {
        DescribeProducersRequestData request = (DescribeProducersRequestData) message;
        TenantNamespace names = tenant.names();
        List<TopicResponse> refused = new ArrayList<>();
        KeyedCollections.retainRenamed(request.topics(), topic -> {
            if (!TopicAccess.READS.permits(tenant, topic.name(), AclOperation.READ)) {
                refused.add(refusal(topic));
                return false;
            }
            topic.setName(names.physicalTopic(topic.name()));
            return true;
        });
        if (request.topics().isEmpty() && !refused.isEmpty()) {
            return Answers.of(new DescribeProducersResponseData().setTopics(refused));
        }
        return new Mapping.Forward(request, (response, responseVersion) -> {
            DescribeProducersResponseData described = (DescribeProducersResponseData) response;
            described.topics().removeIf(topic -> {
                String logical = names.logicalTopic(topic.name());
                topic.setName(logical);
                return logical == null;
            });
            described.topics().addAll(refused);
            return described;
        });
    }

    private static TopicResponse refusal(TopicRequest topic) {
        TopicResponse response = new TopicResponse().setName(topic.name());
        for (int partition : topic.partitionIndexes()) {
            response.partitions().add(new PartitionResponse().setPartitionIndex(partition)
                    .setErrorCode(Errors.TOPIC_AUTHORIZATION_FAILED.code())
                    .setErrorMessage(Errors.TOPIC_AUTHORIZATION_FAILED.message()));
        }
        return response;
    }
}
