package io.streamgate.plugins.headers.mask;

import io.streamgate.api.Hooks;
import io.streamgate.api.Interceptor;
import io.streamgate.api.InterceptorContext;
import io.streamgate.api.RequestOutcome;
import io.streamgate.api.ResponseOutcome;
import io.streamgate.api.records.RecordRewriter;
import io.streamgate.plugins.headers.FetchedPartition;
import io.streamgate.plugins.headers.FetchedPartitions;
import io.streamgate.plugins.headers.TopicFilter;
import org.apache.kafka.common.message.FetchRequestData;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.message.ShareFetchResponseData;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.internal.BaseRecords;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletionStage;

/**
 * Masks JSON fields in the records of Fetch and ShareFetch responses of the selected topics. With the
 * {@code fail} policy it also reads Fetch requests, to know each partition's fetch position (see
 * {@link FetchPositions}). Thread-safe: per-connection state lives in the connection's attributes.
 */
final class MaskFieldsInterceptor implements Interceptor {

    private final JsonValueMasker masker;
    private final NonJsonPolicy policy;
    private final ByteBuffer redacted;
    private final TopicFilter topics;

    MaskFieldsInterceptor(JsonValueMasker masker, NonJsonPolicy policy, ByteBuffer redacted, TopicFilter topics) {
        this.masker = masker;
        this.policy = policy;
        this.redacted = redacted.asReadOnlyBuffer();
        this.topics = topics;
    }

    @Override
    public void registerHooks(Hooks hooks) {
        hooks.onResponse(FetchResponseData.class, this::onFetch);
        hooks.onResponse(ShareFetchResponseData.class, (context, response) ->
                FetchedPartitions.select(context, response, topics).thenCompose(this::maskShared));
        if (policy == NonJsonPolicy.FAIL) {
            hooks.onRequest(FetchRequestData.class, this::onFetchRequest);
        }
    }

    private CompletionStage<RequestOutcome> onFetchRequest(InterceptorContext context, FetchRequestData request) {
        FetchPositions.of(context.connection(), context.interceptorName()).remember(request);
        return RequestOutcome.forward();
    }

    private CompletionStage<ResponseOutcome> onFetch(InterceptorContext context, FetchResponseData response) {
        FetchPositions positions = policy == NonJsonPolicy.FAIL
                ? FetchPositions.of(context.connection(), context.interceptorName()) : null;
        return FetchedPartitions.select(context, response, topics).thenCompose(partitions -> {
            for (FetchedPartition partition : partitions) {
                if (positions == null) {
                    partition.replaceRecords(RecordRewriter.transform(partition.records(),
                            new ValueMasking(masker, policy, redacted, Long.MAX_VALUE)));
                } else {
                    maskOrFail(partition, positions);
                }
            }
            return ResponseOutcome.forward();
        });
    }

    /**
     * The {@code fail} policy: the records before the first value that is not JSON go to the consumer; when
     * that value is the first one the consumer would get, the partition answers CORRUPT_MESSAGE instead, and
     * the consumer reports "corrupt message when fetching offset N", N being that value's offset. When the
     * position is unknown (the interceptor was installed during a fetch session), the first batch counts as
     * already consumed: its values that are not JSON are redacted.
     */
    private void maskOrFail(FetchedPartition partition, FetchPositions positions) {
        OptionalLong known = positions.position(partition.topicId(), partition.topicName(), partition.partition());
        long position = known.isPresent() ? known.getAsLong() : RecordsCut.firstBatchLastOffset(partition.records()) + 1;
        ValueMasking masking = new ValueMasking(masker, policy, redacted, position);
        BaseRecords masked = RecordRewriter.transform(partition.records(), masking);
        long nonJson = masking.firstNonJson();
        if (nonJson == ValueMasking.NONE) {
            partition.replaceRecords(masked);
        } else if (nonJson == masking.firstAtPosition()) {
            partition.fail(Errors.CORRUPT_MESSAGE, "the value at offset " + nonJson + " is not JSON");
        } else {
            partition.replaceRecords(RecordsCut.before(masked, nonJson));
        }
    }

    /** Share consumers acknowledge records, not positions: a value that is not JSON is redacted, never failed. */
    private CompletionStage<ResponseOutcome> maskShared(List<FetchedPartition> partitions) {
        for (FetchedPartition partition : partitions) {
            partition.replaceRecords(RecordRewriter.transform(partition.records(),
                    new ValueMasking(masker, policy, redacted, Long.MAX_VALUE)));
        }
        return ResponseOutcome.forward();
    }
}
