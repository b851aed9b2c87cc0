package io.streamgate.plugins.headers.remove;

import io.streamgate.api.Hooks;
import io.streamgate.api.Interceptor;
import io.streamgate.api.ResponseOutcome;
import io.streamgate.api.records.RecordRewriter;
import io.streamgate.plugins.headers.FetchedPartition;
import io.streamgate.plugins.headers.FetchedPartitions;
import io.streamgate.plugins.headers.TopicFilter;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.message.ShareFetchResponseData;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Removes matching headers from the records of Fetch and ShareFetch responses of the selected topics (share
 * consumers must not see what classic consumers cannot). Stateless; thread-safe.
 */
final class RemoveHeadersInterceptor implements Interceptor {

    private final HeaderRemoval removal;
    private final TopicFilter topics;

    RemoveHeadersInterceptor(HeaderRemoval removal, TopicFilter topics) {
        this.removal = removal;
        this.topics = topics;
    }

    @Override
    public void registerHooks(Hooks hooks) {
        hooks.onResponse(FetchResponseData.class, (context, response) ->
                FetchedPartitions.select(context, response, topics).thenCompose(this::strip));
        hooks.onResponse(ShareFetchResponseData.class, (context, response) ->
                FetchedPartitions.select(context, response, topics).thenCompose(this::strip));
    }

    private CompletionStage<ResponseOutcome> strip(List<FetchedPartition> partitions) {
        for (FetchedPartition partition : partitions) {
            partition.replaceRecords(RecordRewriter.transform(partition.records(), removal));
        }
        return ResponseOutcome.forward();
    }
}
