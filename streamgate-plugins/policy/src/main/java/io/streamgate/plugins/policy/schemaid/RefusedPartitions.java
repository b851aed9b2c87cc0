package io.streamgate.plugins.policy.schemaid;

import org.apache.kafka.common.message.ProduceResponseData;
import org.apache.kafka.common.message.ProduceResponseData.TopicProduceResponse;

import java.util.List;

/**
 * Puts the answers of refused partitions into a Produce response: the broker's response to the rest of the request,
 * or a response of the gateway's own when every partition was refused.
 */
final class RefusedPartitions {

    private RefusedPartitions() {
    }

    /** Adds {@code refused} to {@code response}, next to the broker's answers for the same topics. */
    static ProduceResponseData addTo(ProduceResponseData response, List<RefusedPartition> refused) {
        for (RefusedPartition partition : refused) {
            topicOf(response, partition).partitionResponses().add(partition.response());
        }
        return response;
    }

    private static TopicProduceResponse topicOf(ProduceResponseData response, RefusedPartition partition) {
        for (TopicProduceResponse topic : response.responses()) {
            if (partition.belongsTo(topic)) {
                return topic;
            }
        }
        TopicProduceResponse topic = new TopicProduceResponse()
                .setName(partition.topicName())
                .setTopicId(partition.topicId());
        response.responses().add(topic);
        return topic;
    }
}
