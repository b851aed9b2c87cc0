package io.streamgate.plugins.headers.inject;

import io.streamgate.api.Hooks;
import io.streamgate.api.Interceptor;
import io.streamgate.api.InterceptorContext;
import io.streamgate.api.RequestOutcome;
import io.streamgate.api.records.RecordRewriter;
import io.streamgate.plugins.headers.TopicFilter;
import io.streamgate.plugins.headers.TopicNames;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.record.internal.BaseRecords;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/** Adds headers to the records of Produce requests to the selected topics. Stateless; thread-safe. */
final class InjectHeadersInterceptor implements Interceptor {

    private final Map<String, HeaderTemplate> headers;
    private final TopicFilter topics;
    private final boolean overrideExisting;
    private final String gatewayHost;
    private final Clock clock;

    InjectHeadersInterceptor(Map<String, HeaderTemplate> headers, TopicFilter topics, boolean overrideExisting,
                             String gatewayHost, Clock clock) {
        this.headers = headers;
        this.topics = topics;
        this.overrideExisting = overrideExisting;
        this.gatewayHost = gatewayHost;
        this.clock = clock;
    }

    @Override
    public void registerHooks(Hooks hooks) {
        hooks.onRequest(ProduceRequestData.class, this::onProduce);
    }

    private CompletionStage<RequestOutcome> onProduce(InterceptorContext context, ProduceRequestData request) {
        RequestFacts facts = RequestFacts.of(context, gatewayHost, clock.millis());
        Set<Uuid> unnamed = new LinkedHashSet<>();
        if (topics.needsNames()) {
            for (ProduceRequestData.TopicProduceData topic : request.topicData()) {
                if (TopicNames.needsLookup(topic.name(), topic.topicId())) {
                    unnamed.add(topic.topicId());
                }
            }
        }
        return TopicNames.of(context, unnamed).thenCompose(names -> {
            HeaderInjection injection = new HeaderInjection(headers, overrideExisting, facts);
            for (ProduceRequestData.TopicProduceData topic : request.topicData()) {
                if (!topics.selects(TopicNames.nameOf(topic.name(), topic.topicId(), names))) {
                    continue;
                }
                for (ProduceRequestData.PartitionProduceData partition : topic.partitionData()) {
                    BaseRecords records = partition.records();
                    if (records != null && records.sizeInBytes() > 0) {
                        partition.setRecords(RecordRewriter.transform(records, injection));
                    }
                }
            }
            return RequestOutcome.forward();
        });
    }
}
