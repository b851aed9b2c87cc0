package io.streamgate.core.proxy;

import io.netty.buffer.ByteBuf;
import io.streamgate.core.chain.EffectiveChain;
import io.streamgate.core.chain.InstalledInterceptor;
import io.streamgate.core.vcluster.Tenant;
import io.streamgate.core.vcluster.mapping.ResponseMapper;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A request that expects a response, from the moment it is read until its response is written to the
 * client (or, for the gateway's own requests, handed to whoever sent it). Confined to its connection's event
 * loop.
 */
final class InFlightRequest {

    final ApiKeys apiKey;
    final short apiVersion;
    final int clientCorrelationId;
    final ResponseHandling handling;
    final long receivedNanos;
    /** The chain the request went through; its response goes back through the same one. */
    final EffectiveChain chain;
    int upstreamCorrelationId;
    long forwardedNanos;
    long upstreamNanos;
    /** Only interceptors before this chain position see the response (they alone saw a short-circuited request). */
    int responseLimit = Integer.MAX_VALUE;
    /** Set for a request of the gateway's own: completed with the decoded response instead of answering a client. */
    CompletableFuture<ApiMessage> ownRequest;
    /**
     * For a request of a virtual-cluster connection: turns the broker's response into the tenant's view; null, or
     * {@link ResponseMapper#UNCHANGED}, when the response is forwarded as it is.
     */
    ResponseMapper responseMapper;
    /** The virtual cluster the request was mapped for, or null (passthrough). */
    Tenant tenant;
    /** The response frame, once ready to be sent; owned by this request until written. */
    ByteBuf response;
    private HookContext[] contexts;

    InFlightRequest(ApiKeys apiKey, short apiVersion, int clientCorrelationId, ResponseHandling handling,
                    long receivedNanos, EffectiveChain chain) {
        this.apiKey = apiKey;
        this.apiVersion = apiVersion;
        this.clientCorrelationId = clientCorrelationId;
        this.handling = handling;
        this.receivedNanos = receivedNanos;
        this.chain = chain;
    }

    /** The context of {@code interceptor} for this request, the same for its request and response hooks. */
    HookContext contextFor(ProxyConnection connection, InstalledInterceptor interceptor) {
        int position = chain.positionOf(interceptor);
        if (contexts == null) {
            contexts = new HookContext[chain.interceptors().size()];
        }
        if (contexts[position] == null) {
            contexts[position] = new HookContext(connection, interceptor, apiKey, apiVersion);
        }
        return contexts[position];
    }

    /** The interceptors whose response hooks run for this request's response, in the order they run. */
    List<InstalledInterceptor> responseStages() {
        InstalledInterceptor[] stages = chain.responseStages(apiKey);
        if (stages.length == 0) {
            return List.of();
        }
        List<InstalledInterceptor> running = new ArrayList<>(stages.length);
        for (int i = stages.length - 1; i >= 0; i--) {
            if (chain.positionOf(stages[i]) < responseLimit) {
                running.add(stages[i]);
            }
        }
        return running;
    }

    /** Whether the broker's response must be decoded to be mapped back to the tenant's view. */
    boolean mapsResponse() {
        return responseMapper != null && responseMapper != ResponseMapper.UNCHANGED;
    }

    void releaseResponse() {
        if (response != null) {
            response.release();
            response = null;
        }
    }
}
