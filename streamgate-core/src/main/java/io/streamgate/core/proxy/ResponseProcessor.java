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
import org.apache.kafka.common.message.MetadataResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The gateway's own work on responses: whether a response must be decoded at all, decoding it, narrowing
 * ApiVersions, rewriting broker addresses (so interceptors already see the client's view), learning topic
 * names, and encoding the result. Responses nobody needs are never passed here.
 */
final class ResponseProcessor {

    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final BrokerAddressRewriter addressRewriter;
    private final boolean streamFetchResponses;
    private final TopicNames topicNames;
    private final GatewayMetrics metrics;

    ResponseProcessor(BrokerAddressRewriter addressRewriter, TopicNames topicNames, GatewayMetrics metrics,
                      boolean streamFetchResponses) {
        this.streamFetchResponses = streamFetchResponses;
        this.addressRewriter = addressRewriter;
        this.topicNames = topicNames;
        this.metrics = metrics;
    }

    /** Whether the gateway itself needs {@code frame} decoded: everything but passthrough, and node endpoints. */
    boolean mustDecode(InFlightRequest request, ByteBuf frame) {
        return switch (request.handling) {
            case PASSTHROUGH -> false;
            case NEGOTIATE_API_VERSIONS, REWRITE_ADDRESSES -> true;
            case PROBE_NODE_ENDPOINTS -> NodeEndpointsProbe.carriesEndpoints(frame, request.apiKey, request.apiVersion);
        };
    }

    /** Decodes a response frame; the result may point into the frame, which must outlive it. */
    DecodedResponse decode(InFlightRequest request, ByteBuf frame) {
        metrics.responseDecoded(request.apiKey);
        if (request.apiKey != ApiKeys.API_VERSIONS) {
            return KafkaMessageCodec.decodeResponse(frame, request.apiKey, request.apiVersion);
        }
        try {
            return KafkaMessageCodec.decodeResponse(frame, ApiKeys.API_VERSIONS, request.apiVersion);
        } catch (RuntimeException notThisVersion) {
            // A broker that does not support the request's version answers UNSUPPORTED_VERSION at version 0.
            return KafkaMessageCodec.decodeResponse(frame, ApiKeys.API_VERSIONS, (short) 0);
        }
    }

    /**
     * Applies the gateway's own rewriting to a decoded response, in place. The stage completes when every
     * broker port the response names is listening; only then may the response be sent.
     */
    CompletionStage<Void> rewrite(InFlightRequest request, DecodedResponse decoded) {
        ApiMessage body = decoded.body();
        if (body instanceof MetadataResponseData metadata) {
            topicNames.learn(metadata);
        }
        return switch (request.handling) {
            case PASSTHROUGH -> DONE;
            case NEGOTIATE_API_VERSIONS -> {
                ApiVersionsNegotiation.intersect((ApiVersionsResponseData) body, streamFetchResponses);
                yield DONE;
            }
            case REWRITE_ADDRESSES, PROBE_NODE_ENDPOINTS -> addressRewriter.rewrite(body, request.apiVersion)
                    .handle((ignored, failure) -> null); // a port that failed to open is logged where it failed
        };
    }

    ByteBuf encode(ByteBufAllocator allocator, InFlightRequest request, short version, ApiMessage body) {
        return KafkaMessageCodec.encodeResponse(allocator, request.apiKey, version, request.clientCorrelationId, body);
    }
}
