package io.streamgate.plugins.headers;

import io.streamgate.api.InterceptorContext;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.message.ShareFetchResponseData;
import org.apache.kafka.common.record.internal.BaseRecords;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * The partitions of a Fetch or ShareFetch response that carry records and belong to topics a
 * {@link TopicFilter} selects. Topic ids are resolved to names only when the filter needs names.
 */
public final class FetchedPartitions {

    private FetchedPartitions() {
    }

    public static CompletionStage<List<FetchedPartition>> select(InterceptorContext context,
                                                                 FetchResponseData response, TopicFilter topics) {
        Set<Uuid> unnamed = new LinkedHashSet<>();
        if (topics.needsNames()) {
            for (FetchResponseData.FetchableTopicResponse topic : response.responses()) {
                if (TopicNames.needsLookup(topic.topic(), topic.topicId())) {
                    unnamed.add(topic.topicId());
                }
            }
        }
        return TopicNames.of(context, unnamed).thenApply(names -> {
            List<FetchedPartition> selected = new ArrayList<>();
            for (FetchResponseData.FetchableTopicResponse topic : response.responses()) {
                String name = TopicNames.nameOf(topic.topic(), topic.topicId(), names);
                if (!topics.selects(name)) {
                    continue;
                }
                for (FetchResponseData.PartitionData partition : topic.partitions()) {
                    if (hasRecords(partition.records())) {
                        selected.add(new FetchedPartition.Fetched(name, topic.topicId(), partition));
                    }
                }
            }
            return selected;
        });
    }

    public static CompletionStage<List<FetchedPartition>> select(InterceptorContext context,
                                                                 ShareFetchResponseData response, TopicFilter topics) {
        Set<Uuid> unnamed = new LinkedHashSet<>();
        if (topics.needsNames()) {
            for (ShareFetchResponseData.ShareFetchableTopicResponse topic : response.responses()) {
                if (TopicNames.needsLookup(null, topic.topicId())) {
                    unnamed.add(topic.topicId());
                }
            }
        }
        return TopicNames.of(context, unnamed).thenApply(names -> {
            List<FetchedPartition> selected = new ArrayList<>();
            for (ShareFetchResponseData.ShareFetchableTopicResponse topic : response.responses()) {
                String name = TopicNames.nameOf(null, topic.topicId(), names);
                if (!topics.selects(name)) {
                    continue;
                }
                for (ShareFetchResponseData.PartitionData partition : topic.partitions()) {
                    if (hasRecords(partition.records())) {
                        selected.add(new FetchedPartition.Shared(name, topic.topicId(), partition));
                    }
                }
            }
            return selected;
        });
    }

    private static boolean hasRecords(BaseRecords records) {
        return records != null && records.sizeInBytes() > 0;
    }
}
