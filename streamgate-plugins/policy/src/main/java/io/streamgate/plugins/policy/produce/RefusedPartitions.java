package io.streamgate.plugins.policy.produce;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.ProduceResponseData;
import org.apache.kafka.common.message.ProduceResponseData.PartitionProduceResponse;
import org.apache.kafka.common.message.ProduceResponseData.TopicProduceResponse;
import org.apache.kafka.common.protocol.Errors;

import java.util.ArrayList;
import java.util.List;

/**
 * The partitions the policy took out of a Produce request, with the error each gets. The broker never sees them, so
 * their answers are added to the broker's response (or make up the whole response when nothing was left to send).
 */
final class RefusedPartitions {

    private record Refusal(String topicName, Uuid topicId, int partition, Errors error, String message) {
    }

    private final List<Refusal> refusals = new ArrayList<>();

    void add(String topicName, Uuid topicId, int partition, Errors error, String message) {
        refusals.add(new Refusal(topicName, topicId, partition, error, message));
    }

    boolean isEmpty() {
        return refusals.isEmpty();
    }

    /** The message of the first refusal, e.g. to log why a connection is closed. */
    String firstMessage() {
        return refusals.get(0).message();
    }

    /** Adds the refused partitions' answers to {@code response}, as a broker that refused them would have. */
    ProduceResponseData addTo(ProduceResponseData response) {
        for (Refusal refusal : refusals) {
            TopicProduceResponse topic = response.responses().find(refusal.topicName(), refusal.topicId());
            if (topic == null) {
                topic = new TopicProduceResponse().setName(refusal.topicName()).setTopicId(refusal.topicId());
                response.responses().add(topic);
            }
            topic.partitionResponses().add(new PartitionProduceResponse()
                    .setIndex(refusal.partition())
                    .setErrorCode(refusal.error().code())
                    .setErrorMessage(refusal.message())
                    .setBaseOffset(-1)
                    .setLogAppendTimeMs(-1)
                    .setLogStartOffset(-1));
        }
        return response;
    }
}
