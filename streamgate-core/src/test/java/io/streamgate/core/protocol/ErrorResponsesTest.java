package io.streamgate.core.protocol;

import org.apache.kafka.common.message.DeleteTopicsRequestData;
import org.apache.kafka.common.message.DeleteTopicsResponseData;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.message.ProduceResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.protocol.MessageUtil;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorResponsesTest {

    @Test
    void aRefusalCarriesItsMessageWhereKafkasOwnErrorResponseLeavesItOut() {
        DeleteTopicsRequestData delete = new DeleteTopicsRequestData().setTimeoutMs(1000)
                .setTopicNames(List.of("orders"));
        DeleteTopicsResponseData deleted = (DeleteTopicsResponseData) ErrorResponses.forRequest(ApiKeys.DELETE_TOPICS,
                (short) 5, delete, Errors.TOPIC_AUTHORIZATION_FAILED, "API DeleteTopics is denied");
        assertThat(deleted.responses()).singleElement().satisfies(topic -> {
            assertThat(topic.errorCode()).isEqualTo(Errors.TOPIC_AUTHORIZATION_FAILED.code());
            assertThat(topic.errorMessage()).isEqualTo("API DeleteTopics is denied");
        });

        ProduceRequestData produce = new ProduceRequestData().setAcks((short) -1).setTimeoutMs(1000);
        produce.topicData().add(new ProduceRequestData.TopicProduceData().setName("orders")
                .setPartitionData(List.of(new ProduceRequestData.PartitionProduceData().setIndex(0)
                        .setRecords(MemoryRecords.EMPTY))));
        ProduceResponseData produced = (ProduceResponseData) ErrorResponses.forRequest(ApiKeys.PRODUCE, (short) 9,
                produce, Errors.POLICY_VIOLATION, "acks 1 is not allowed");
        assertThat(produced.responses().iterator().next().partitionResponses()).singleElement()
                .satisfies(partition -> assertThat(partition.errorMessage()).isEqualTo("acks 1 is not allowed"));
    }

    @Test
    void aVersionWithoutAnErrorMessageFieldStillEncodesWithTheErrorAlone() {
        DeleteTopicsRequestData delete = new DeleteTopicsRequestData().setTimeoutMs(1000)
                .setTopicNames(List.of("orders"));

        DeleteTopicsResponseData deleted = (DeleteTopicsResponseData) ErrorResponses.forRequest(ApiKeys.DELETE_TOPICS,
                (short) 4, delete, Errors.TOPIC_AUTHORIZATION_FAILED, "API DeleteTopics is denied");

        DeleteTopicsResponseData onTheWire = new DeleteTopicsResponseData(
                MessageUtil.toByteBufferAccessor(deleted, (short) 4), (short) 4);
        assertThat(onTheWire.responses()).singleElement().satisfies(topic -> {
            assertThat(topic.errorCode()).isEqualTo(Errors.TOPIC_AUTHORIZATION_FAILED.code());
            assertThat(topic.errorMessage()).isNull();
        });
    }
}
