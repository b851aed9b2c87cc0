package io.streamgate.plugins.policy.schemaid;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.ProduceResponseData.BatchIndexAndErrorMessage;
import org.apache.kafka.common.message.ProduceResponseData.PartitionProduceResponse;
import org.apache.kafka.common.message.ProduceResponseData.TopicProduceResponse;
import org.apache.kafka.common.protocol.Errors;

import java.util.List;

/**
 * A partition taken out of a Produce request because one of its records broke the rule: what its answer must say.
 *
 * @param topicName the topic's name as the request gave it (empty from Produce v13 on)
 * @param topicId the topic's id as the request gave it (zero before Produce v13)
 * @param partition the partition index
 * @param recordIndex the index of the first offending record among the partition's records
 * @param message the error message naming the rule
 */
record RefusedPartition(String topicName, Uuid topicId, int partition, int recordIndex, String message) {

    /** The partition's answer, as a broker gives it for a record it refuses: INVALID_RECORD, naming the record. */
    PartitionProduceResponse response() {
        return new PartitionProduceResponse()
                .setIndex(partition)
                .setErrorCode(Errors.INVALID_RECORD.code())
                .setErrorMessage(message)
                .setBaseOffset(-1L)
                .setLogAppendTimeMs(-1L)
                .setLogStartOffset(-1L)
                .setRecordErrors(List.of(new BatchIndexAndErrorMessage()
                        .setBatchIndex(recordIndex)
                        .setBatchIndexErrorMessage(message)));
    }

    boolean belongsTo(TopicProduceResponse topic) {
        return topic.name().equals(topicName) && topic.topicId().equals(topicId);
    }
}
