package io.streamgate.plugins.headers.fakes;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.FetchRequestData;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.message.ShareFetchResponseData;
import org.apache.kafka.common.record.internal.BaseRecords;

import java.util.List;

/** Fetch and ShareFetch messages with one partition per topic, by name (v12 and below) or by id (v13+). */
public final class Fetches {

    private Fetches() {
    }

    public static FetchResponseData response(FetchResponseData.FetchableTopicResponse... topics) {
        return new FetchResponseData().setResponses(List.of(topics));
    }

    public static FetchResponseData.FetchableTopicResponse topic(String name, BaseRecords records) {
        return new FetchResponseData.FetchableTopicResponse().setTopic(name).setPartitions(List.of(partition(records)));
    }

    public static FetchResponseData.FetchableTopicResponse topic(Uuid id, BaseRecords records) {
        return new FetchResponseData.FetchableTopicResponse().setTopicId(id).setPartitions(List.of(partition(records)));
    }

    private static FetchResponseData.PartitionData partition(BaseRecords records) {
        return new FetchResponseData.PartitionData().setPartitionIndex(0).setHighWatermark(1000)
                .setLastStableOffset(1000).setLogStartOffset(0).setRecords(records);
    }

    /** The only partition of the {@code index}th topic. */
    public static FetchResponseData.PartitionData partition(FetchResponseData response, int index) {
        return response.responses().get(index).partitions().get(0);
    }

    public static ShareFetchResponseData shareResponse(Uuid topicId, BaseRecords records) {
        ShareFetchResponseData.ShareFetchableTopicResponseCollection topics =
                new ShareFetchResponseData.ShareFetchableTopicResponseCollection();
        topics.add(new ShareFetchResponseData.ShareFetchableTopicResponse().setTopicId(topicId).setPartitions(List.of(
                new ShareFetchResponseData.PartitionData().setPartitionIndex(0).setRecords(records))));
        return new ShareFetchResponseData().setResponses(topics);
    }

    public static ShareFetchResponseData.PartitionData partition(ShareFetchResponseData response) {
        return response.responses().iterator().next().partitions().get(0);
    }

    /** A Fetch request for partition 0 of a topic named {@code name}, from {@code offset}. */
    public static FetchRequestData request(int sessionEpoch, String name, long offset) {
        return new FetchRequestData().setSessionId(sessionEpoch == 0 ? 0 : 1).setSessionEpoch(sessionEpoch)
                .setTopics(List.of(new FetchRequestData.FetchTopic().setTopic(name).setPartitions(List.of(
                        new FetchRequestData.FetchPartition().setPartition(0).setFetchOffset(offset)))));
    }

    /** The same, naming the topic by id. */
    public static FetchRequestData request(int sessionEpoch, Uuid id, long offset) {
        return new FetchRequestData().setSessionId(sessionEpoch == 0 ? 0 : 1).setSessionEpoch(sessionEpoch)
                .setTopics(List.of(new FetchRequestData.FetchTopic().setTopicId(id).setPartitions(List.of(
                        new FetchRequestData.FetchPartition().setPartition(0).setFetchOffset(offset)))));
    }
}
