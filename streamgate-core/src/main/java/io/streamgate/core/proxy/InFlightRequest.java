package io.streamgate.core.proxy;

import io.netty.buffer.ByteBuf;
import org.apache.kafka.common.protocol.ApiKeys;

/**
 * A request that expects a response, from the moment it is read until its response is written to the
 * client. Confined to its connection's event loop.
 */
final class InFlightRequest {

    final ApiKeys apiKey;
    final short apiVersion;
    final int clientCorrelationId;
    final ResponseHandling handling;
    final long receivedNanos;
    int upstreamCorrelationId;
    long forwardedNanos;
    long upstreamNanos;
    /** The response frame, once ready to be sent; owned by this request until written. */
    ByteBuf response;

    InFlightRequest(ApiKeys apiKey, short apiVersion, int clientCorrelationId, ResponseHandling handling,
                    long receivedNanos) {
        this.apiKey = apiKey;
        this.apiVersion = apiVersion;
        this.clientCorrelationId = clientCorrelationId;
        this.handling = handling;
        this.receivedNanos = receivedNanos;
    }

    void releaseResponse() {
        if (response != null) {
            response.release();
            response = null;
        }
    }
}
