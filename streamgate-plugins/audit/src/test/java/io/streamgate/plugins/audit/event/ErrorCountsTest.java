package io.streamgate.plugins.audit.event;

import org.apache.kafka.common.message.ApiVersionsResponseData;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.message.ProduceResponseData;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorCountsTest {

    @Test
    void countsPartitionErrorsOfAProduceResponse() {
        ProduceResponseData.TopicProduceResponseCollection topics = new ProduceResponseData.TopicProduceResponseCollection();
        topics.add(new ProduceResponseData.TopicProduceResponse().setName("a").setPartitionResponses(List.of(
                new ProduceResponseData.PartitionProduceResponse().setIndex(0),
                new ProduceResponseData.PartitionProduceResponse().setIndex(1).setErrorCode(Errors.NOT_LEADER_OR_FOLLOWER.code()),
                new ProduceResponseData.PartitionProduceResponse().setIndex(2).setErrorCode(Errors.NOT_LEADER_OR_FOLLOWER.code()))));
        topics.add(new ProduceResponseData.TopicProduceResponse().setName("b").setPartitionResponses(List.of(
                new ProduceResponseData.PartitionProduceResponse().setErrorCode(Errors.INVALID_RECORD.code()))));

        assertThat(ErrorCounts.of(new ProduceResponseData().setResponses(topics)))
                .isEqualTo(Map.of("NOT_LEADER_OR_FOLLOWER", 2, "INVALID_RECORD", 1));
    }

    @Test
    void countsTopLevelAndPartitionErrorsOfAFetchResponseWithoutReadingRecords() {
        FetchResponseData fetch = new FetchResponseData().setErrorCode(Errors.NONE.code()).setResponses(List.of(
                new FetchResponseData.FetchableTopicResponse().setTopic("a").setPartitions(List.of(
                        new FetchResponseData.PartitionData().setErrorCode(Errors.OFFSET_OUT_OF_RANGE.code())
                                .setRecords(MemoryRecords.EMPTY),
                        new FetchResponseData.PartitionData().setRecords(MemoryRecords.EMPTY)))));

        assertThat(ErrorCounts.of(fetch)).isEqualTo(Map.of("OFFSET_OUT_OF_RANGE", 1));
        assertThat(ErrorCounts.of(new FetchResponseData().setErrorCode(Errors.FETCH_SESSION_ID_NOT_FOUND.code())))
                .isEqualTo(Map.of("FETCH_SESSION_ID_NOT_FOUND", 1));
    }

    @Test
    void findsNothingInAResponseWithoutErrors() {
        assertThat(ErrorCounts.of(new ApiVersionsResponseData())).isEmpty();
        assertThat(ErrorCounts.of(new ProduceResponseData())).isEmpty();
    }
}
