package io.streamgate.core.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.streamgate.core.address.BrokerAddressRewriter;
import io.streamgate.core.metrics.GatewayMetrics;
import io.streamgate.core.protocol.ApiVersionsNegotiation;
import io.streamgate.core.protocol.DecodedResponse;
import io.streamgate.core.protocol.KafkaMessageCodec;
import io.streamgate.core.protocol.NodeEndpointsProbe;
import org.apache.kafka.common.message.ApiVersionsResponseData;
import org.apache.kafka.common.protocol.ApiKeys;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Applies a {@link ResponseHandling} other than passthrough to a response frame. Takes ownership of the
 * frame it is given: the result is either that frame or a new one, and a replaced frame is released.
 */
final class ResponseProcessor {

    private final BrokerAddressRewriter addressRewriter;
    private final GatewayMetrics metrics;

    ResponseProcessor(BrokerAddressRewriter addressRewriter, GatewayMetrics metrics) {
        this.addressRewriter = addressRewriter;
        this.metrics = metrics;
    }

    /**
     * The frame to send for {@code frame}, whose correlation id is already the client's. Usually complete at
     * once; later when a rewritten response names a broker whose port is still being opened.
     */
    CompletionStage<ByteBuf> process(InFlightRequest request, ByteBuf frame, ByteBufAllocator allocator) {
        return switch (request.handling) {
            case PASSTHROUGH -> CompletableFuture.completedFuture(frame);
            case NEGOTIATE_API_VERSIONS -> CompletableFuture.completedFuture(negotiate(request, frame, allocator));
            case REWRITE_ADDRESSES -> rewriteAddresses(request, frame, allocator);
            case PROBE_NODE_ENDPOINTS -> probeNodeEndpoints(request, frame, allocator);
        };
    }

    private ByteBuf negotiate(InFlightRequest request, ByteBuf frame, ByteBufAllocator allocator) {
        metrics.responseDecoded(request.apiKey);
        try {
            DecodedResponse decoded;
            try {
                decoded = KafkaMessageCodec.decodeResponse(frame, ApiKeys.API_VERSIONS, request.apiVersion);
            } catch (RuntimeException notThisVersion) {
                // A broker that does not support the request's version answers UNSUPPORTED_VERSION at version 0.
                decoded = KafkaMessageCodec.decodeResponse(frame, ApiKeys.API_VERSIONS, (short) 0);
            }
            ApiVersionsResponseData negotiated =
                    ApiVersionsNegotiation.intersect((ApiVersionsResponseData) decoded.body());
            return KafkaMessageCodec.encodeResponse(allocator, ApiKeys.API_VERSIONS, decoded.apiVersion(),
                    decoded.correlationId(), negotiated);
        } finally {
            frame.release();
        }
    }

    private CompletionStage<ByteBuf> probeNodeEndpoints(InFlightRequest request, ByteBuf frame,
                                                        ByteBufAllocator allocator) {
        boolean carriesEndpoints;
        try {
            carriesEndpoints = NodeEndpointsProbe.carriesEndpoints(frame, request.apiKey, request.apiVersion);
        } catch (RuntimeException e) {
            frame.release();
            throw e;
        }
        if (!carriesEndpoints) {
            return CompletableFuture.completedFuture(frame);
        }
        return rewriteAddresses(request, frame, allocator);
    }

    private CompletionStage<ByteBuf> rewriteAddresses(InFlightRequest request, ByteBuf frame,
                                                      ByteBufAllocator allocator) {
        metrics.responseDecoded(request.apiKey);
        ByteBuf rewritten;
        CompletionStage<Void> portsListening;
        try {
            DecodedResponse decoded = KafkaMessageCodec.decodeResponse(frame, request.apiKey, request.apiVersion);
            portsListening = addressRewriter.rewrite(decoded.body(), request.apiVersion);
            // Encode now: the decoded body may point into the frame, which is released below.
            rewritten = KafkaMessageCodec.encodeResponse(allocator, request.apiKey, request.apiVersion,
                    decoded.correlationId(), decoded.body());
        } finally {
            frame.release();
        }
        // Whether or not a port could be opened (that failure is logged where it happens), the client gets
        // its response.
        return portsListening.handle((ignored, failure) -> rewritten);
    }
}
