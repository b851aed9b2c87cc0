package io.streamgate.plugins.policy.ratelimit;

import io.streamgate.api.Hooks;
import io.streamgate.api.Interceptor;
import io.streamgate.api.InterceptorContext;
import io.streamgate.api.PolicyAction;
import io.streamgate.api.PolicyViolation;
import io.streamgate.api.RequestOutcome;
import io.streamgate.api.ResponseOutcome;
import org.apache.kafka.common.message.FetchRequestData;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.message.JoinGroupRequestData;
import org.apache.kafka.common.message.JoinGroupResponseData;
import org.apache.kafka.common.message.OffsetCommitRequestData;
import org.apache.kafka.common.message.OffsetCommitResponseData;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.message.ProduceResponseData;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.internal.BaseRecords;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Enforces the configured {@link Quota}s the way a broker enforces its own (KIP-219): a request over the limit goes
 * through, its response carries the throttle time, and the connection is muted for that time: its next throttled
 * request waits until then. A broker reads one request of a connection at a time, so a client's pipelined requests
 * wait behind a muted one; the gateway pipelines them, so a produce or group request over the limit mutes the
 * connection at once, not when its response comes back: the requests the client sent after it, without waiting for
 * its answer, are held too. Clients that honour the throttle time (every response version from KIP-219 on) wait by
 * themselves, so they are answered at once and never find the connection muted; older versions get their response
 * delayed instead, as a broker does; a client that ignores the throttle time has its next request held.
 *
 * <p>Produce bytes are counted from the request (what it writes), fetch bytes from the response (what it reads:
 * the request only says how much the client would accept). One instance serves every connection: the quotas'
 * buckets are shared and thread-safe; the mute is per connection, in its attributes.
 */
final class RateLimitInterceptor implements Interceptor {

    private static final AtomicLong INSTANCES = new AtomicLong();
    private static final String THROTTLE_MS = "throttleMs";
    private static final ResponseOutcome FORWARD = new ResponseOutcome.Forward(null);

    private final QuotaKey key;
    private final Quota produce;
    private final Quota fetch;
    private final Quota joinGroups;
    private final Quota offsetCommits;
    private final PolicyAction groupAction;
    private final ConnectionRateLimit connections;
    private final LongSupplier nanoClock;
    /** Where a connection keeps the time its throttled requests wait for; one per interceptor instance. */
    private final String mutedUntil = RateLimitPlugin.ID + ".mutedUntil." + INSTANCES.incrementAndGet();

    /** Each quota, and {@code connections}, is null when its limit is not configured. */
    RateLimitInterceptor(QuotaKey key, Quota produce, Quota fetch, Quota joinGroups, Quota offsetCommits,
                         PolicyAction groupAction, ConnectionRateLimit connections, LongSupplier nanoClock) {
        this.key = key;
        this.produce = produce;
        this.fetch = fetch;
        this.joinGroups = joinGroups;
        this.offsetCommits = offsetCommits;
        this.groupAction = groupAction;
        this.connections = connections;
        this.nanoClock = nanoClock;
    }

    /** Hooks only the APIs with a quota: a Fetch response hook makes the gateway decode every Fetch response. */
    @Override
    public void registerHooks(Hooks hooks) {
        if (produce != null) {
            hooks.onRequest(ProduceRequestData.class, (context, request) ->
                    afterMute(context, () -> onProduce(context, request)));
            hooks.onResponse(ProduceResponseData.class, this::throttleIfDue);
        }
        if (fetch != null) {
            hooks.onRequest(FetchRequestData.class, (context, request) -> afterMute(context, RequestOutcome::unchanged));
            hooks.onResponse(FetchResponseData.class, this::onFetched);
        }
        if (joinGroups != null) {
            hooks.onRequest(JoinGroupRequestData.class, (context, request) ->
                    afterMute(context, () -> onGroupRequest(context, joinGroups, "JoinGroup")));
            hooks.onResponse(JoinGroupResponseData.class, this::throttleIfDue);
        }
        if (offsetCommits != null) {
            hooks.onRequest(OffsetCommitRequestData.class, (context, request) ->
                    afterMute(context, () -> onGroupRequest(context, offsetCommits, "OffsetCommit")));
            hooks.onResponse(OffsetCommitResponseData.class, this::throttleIfDue);
        }
        if (connections != null) {
            hooks.onConnection(connections);
        }
    }

    private CompletionStage<RequestOutcome> onProduce(InterceptorContext context, ProduceRequestData request) {
        long bytes = 0;
        for (ProduceRequestData.TopicProduceData topic : request.topicData()) {
            for (ProduceRequestData.PartitionProduceData partition : topic.partitionData()) {
                bytes += sizeOf(partition.records());
            }
        }
        long throttleMs = produce.record(key.of(context.connection()), bytes);
        if (throttleMs > 0) {
            report(context, produce, "produce", throttleMs, PolicyAction.THROTTLE);
            mute(context, throttleMs); // the client's next requests, even those already on their way, wait
            if (request.acks() != 0) {
                context.scratch().put(THROTTLE_MS, throttleMs);
            }
        }
        return RequestOutcome.unchanged();
    }

    private CompletionStage<ResponseOutcome> onFetched(InterceptorContext context, FetchResponseData response) {
        long bytes = 0;
        for (FetchResponseData.FetchableTopicResponse topic : response.responses()) {
            for (FetchResponseData.PartitionData partition : topic.partitions()) {
                bytes += sizeOf(partition.records());
            }
        }
        long throttleMs = fetch.record(key.of(context.connection()), bytes);
        if (throttleMs == 0) {
            return ResponseOutcome.forward();
        }
        report(context, fetch, "fetch", throttleMs, PolicyAction.THROTTLE);
        return throttle(context, response, throttleMs);
    }

    private CompletionStage<RequestOutcome> onGroupRequest(InterceptorContext context, Quota quota, String api) {
        long throttleMs = quota.record(key.of(context.connection()), 1);
        if (throttleMs == 0) {
            return RequestOutcome.unchanged();
        }
        String message = report(context, quota, api, throttleMs, groupAction);
        if (groupAction == PolicyAction.BLOCK) {
            return RequestOutcome.fail(Errors.THROTTLING_QUOTA_EXCEEDED, message);
        }
        mute(context, throttleMs);
        context.scratch().put(THROTTLE_MS, throttleMs);
        return RequestOutcome.unchanged();
    }

    private CompletionStage<ResponseOutcome> throttleIfDue(InterceptorContext context, ApiMessage response) {
        Object throttleMs = context.scratch().get(THROTTLE_MS);
        return throttleMs == null ? ResponseOutcome.forward() : throttle(context, response, (Long) throttleMs);
    }

    /** Sets the throttle time and mutes the connection; delays the response for clients that would not wait. */
    private CompletionStage<ResponseOutcome> throttle(InterceptorContext context, ApiMessage response, long throttleMs) {
        ThrottleTime.raise(response, throttleMs);
        mute(context, throttleMs);
        if (ThrottleTime.clientWaits(context.apiKey(), context.apiVersion())) {
            return ResponseOutcome.forward();
        }
        CompletableFuture<ResponseOutcome> delayed = new CompletableFuture<>();
        context.schedule(Duration.ofMillis(throttleMs), () -> delayed.complete(FORWARD));
        return delayed;
    }

    private void mute(InterceptorContext context, long throttleMs) {
        context.connection().attributes().put(mutedUntil, nanoClock.getAsLong() + throttleMs * 1_000_000);
    }

    /**
     * Handles the request once the connection's mute is over: at once, unless the client did not wait out its
     * throttle time.
     */
    private CompletionStage<RequestOutcome> afterMute(InterceptorContext context,
                                                      Supplier<CompletionStage<RequestOutcome>> handling) {
        Object until = context.connection().attributes().get(mutedUntil);
        long waitNanos = until == null ? 0 : (Long) until - nanoClock.getAsLong();
        if (waitNanos <= 0) {
            return handling.get();
        }
        CompletableFuture<Void> released = new CompletableFuture<>();
        context.schedule(Duration.ofNanos(waitNanos), () -> released.complete(null));
        return released.thenCompose(ignored -> handling.get());
    }

    private String report(InterceptorContext context, Quota quota, String what, long throttleMs, PolicyAction action) {
        String consequence = action == PolicyAction.BLOCK ? "refused, retry in " : "throttled ";
        String message = what + " rate " + quota.describeBreach(key.description(), key.of(context.connection())) + ": "
                + consequence + throttleMs + " ms (rule " + quota.rule() + ", interceptor " + context.interceptorName()
                + ")";
        context.reportViolation(new PolicyViolation(quota.rule(), action, null, throttleMs + " ms", message));
        return message;
    }

    private static long sizeOf(BaseRecords records) {
        return records == null ? 0 : records.sizeInBytes();
    }
}
