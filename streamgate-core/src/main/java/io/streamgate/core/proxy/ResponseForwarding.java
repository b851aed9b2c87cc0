package io.streamgate.core.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.streamgate.core.auth.ClientAuthenticator;
import io.streamgate.core.chain.InstalledInterceptor;
import io.streamgate.core.frame.FramePiece;
import io.streamgate.core.frame.ResponseFrames;
import io.streamgate.core.metrics.GatewayMetrics;
import io.streamgate.core.protocol.DecodedResponse;
import io.streamgate.core.protocol.FetchResponseSession;
import io.streamgate.core.protocol.KafkaMessageCodec;
import io.streamgate.core.upstream.UpstreamTarget;
import org.apache.kafka.common.message.SaslAuthenticateResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The response side of one connection pair: matches each broker response to the request it answers (brokers answer in
 * order on a connection), puts the client's correlation id back, and gets it to the client. A response nobody needs
 * to look into goes as the broker's bytes, streamed as they arrive when large; any other is decoded, its broker
 * addresses rewritten, mapped back to a virtual cluster's view, run through the response hooks, and encoded again.
 * Answers the gateway gives itself take the same way out, and every response leaves in request order
 * ({@link ResponseSequencer}). Confined to the connection's event loop, except {@link #owedCount()}.
 */
final class ResponseForwarding {

    private static final Logger LOG = LoggerFactory.getLogger(ResponseForwarding.class);

    private final ProxyConnection connection;
    private final UpstreamTarget target;
    private final GatewayMetrics metrics;
    /** The responses the client is owed, in the order of its requests. */
    private final ResponseSequencer responses;
    /** Requests sent upstream, oldest first; brokers answer in order on a connection. */
    private final ArrayDeque<InFlightRequest> awaitingUpstream = new ArrayDeque<>();
    private Channel client;
    private boolean clientNeedsFlush;

    ResponseForwarding(ProxyConnection connection, UpstreamTarget target, GatewayMetrics metrics) {
        this.connection = connection;
        this.target = target;
        this.metrics = metrics;
        this.responses = new ResponseSequencer(metrics);
    }

    /** The client connection responses are written to; set once it is active. */
    void writeTo(Channel client) {
        this.client = client;
        responses.writeTo(client);
    }

    /** Requests still owed a response; readable from any thread. */
    int owedCount() {
        return responses.owedCount();
    }

    /** Expects the broker's response to {@code request}, sent upstream under {@code upstreamCorrelationId}. */
    void await(InFlightRequest request, int upstreamCorrelationId) {
        request.upstreamCorrelationId = upstreamCorrelationId;
        request.forwardedNanos = System.nanoTime();
        awaitingUpstream.add(request);
    }

    /** Owes the client a response to {@code request}, after every response owed so far. */
    void owe(InFlightRequest request) {
        responses.owe(request);
    }

    /** A whole response frame from the broker. */
    void onResponse(ByteBuf frame) {
        if (connection.closed()) {
            frame.release();
            return;
        }
        int correlationId = ResponseFrames.correlationId(frame);
        InFlightRequest request = awaitingUpstream.peek();
        if (request == null || request.upstreamCorrelationId != correlationId) {
            frame.release();
            LOG.error("Closing connection from {}: {} answered correlation id {} but {} was expected",
                    client.remoteAddress(), target, correlationId,
                    request == null ? "no response" : request.upstreamCorrelationId);
            client.close();
            return;
        }
        awaitingUpstream.poll();
        request.upstreamNanos = System.nanoTime() - request.forwardedNanos;
        if (request.ownRequest != null) {
            OwnRequests.answered(request, frame, connection.knownTopicNames());
            return;
        }
        ResponseFrames.setCorrelationId(frame, request.clientCorrelationId);
        learnFetchSession(request, frame);
        if (request.apiKey == ApiKeys.SASL_AUTHENTICATE && refusedByBroker(request, frame)) {
            return;
        }
        List<InstalledInterceptor> hooks = request.responseStages();
        ResponseProcessor processor = connection.responseProcessor();
        DecodedResponse decoded;
        CompletionStage<Void> portsListening;
        try {
            if (hooks.isEmpty() && !processor.mustDecode(request, frame) && !request.mapsResponse()) {
                complete(request, frame);
                return;
            }
            decoded = processor.decode(request, frame);
            portsListening = processor.rewrite(request, decoded);
            if (request.mapsResponse()) {
                decoded = new DecodedResponse(decoded.apiKey(), decoded.apiVersion(), decoded.correlationId(),
                        TenantRequestMapping.tenantView(request.responseMapper, decoded.body(), decoded.apiVersion(),
                                request.tenant.names()));
            }
        } catch (RuntimeException e) {
            frame.release();
            LOG.error("Closing connection from {}: cannot process the {} v{} response from {}", client.remoteAddress(),
                    request.apiKey.name, request.apiVersion, target, e);
            metrics.requestFailed(request.apiKey);
            client.close();
            return;
        }
        respond(request, decoded.apiVersion(), decoded.body(), frame, portsListening);
    }

    /** A virtual-cluster connection's Fetch response: its fetch session, if any, is that virtual cluster's. */
    private void learnFetchSession(InFlightRequest request, ByteBuf frame) {
        if (request.tenant != null && request.apiKey == ApiKeys.FETCH) {
            int sessionId = FetchResponseSession.sessionId(frame, request.apiVersion);
            if (sessionId != 0) {
                connection.fetchSessions().created(connection.brokerId(), sessionId, request.tenant.name());
            }
        }
    }

    /**
     * Delegated authentication: takes the broker's verdict on the client's relayed exchange. A refusal is sent on after
     * the delay repeated failures earn; returns whether it was (the frame then belongs to it).
     */
    private boolean refusedByBroker(InFlightRequest request, ByteBuf frame) {
        ClientAuthenticator.RelayedOutcome outcome;
        try {
            outcome = connection.authentication().relayedResponse(frame, request.apiVersion);
        } catch (RuntimeException e) {
            LOG.warn("Cannot read the broker's SaslAuthenticate response for {} ({}); it is forwarded as it is",
                    client.remoteAddress(), e.getClass().getSimpleName());
            return false;
        }
        if (outcome instanceof ClientAuthenticator.RelayedOutcome.Accepted) {
            connection.forgetChain(); // the chain depends on who the client is
        } else if (outcome instanceof ClientAuthenticator.RelayedOutcome.Refused refused) {
            ByteBuf answer = frame;
            if (refused.gatewayRefusal() != null) {
                frame.release();
                answer = KafkaMessageCodec.encodeResponse(client.alloc(), ApiKeys.SASL_AUTHENTICATE,
                        request.apiVersion, request.clientCorrelationId, new SaslAuthenticateResponseData()
                                .setErrorCode(Errors.SASL_AUTHENTICATION_FAILED.code())
                                .setErrorMessage(refused.gatewayRefusal()));
            }
            connection.refuseLater(request, answer, refused.delayMillis());
            return true;
        }
        return false;
    }

    /**
     * Whether the response now arriving may reach the client as its bytes arrive: it answers the next request
     * expected from the broker, nothing needs to look into it (no response hook, no address to rewrite), and every
     * earlier response has been sent, so its bytes can go straight after them.
     */
    boolean streamsResponse(int correlationId, int frameBytes) {
        InFlightRequest request = awaitingUpstream.peek();
        return !connection.closed() && request != null && request.upstreamCorrelationId == correlationId
                && request.ownRequest == null && request.apiKey != ApiKeys.SASL_AUTHENTICATE
                && request.handling == ResponseHandling.PASSTHROUGH && !request.mapsResponse()
                && request.chain.responseStages(request.apiKey).length == 0 && responses.isNext(request);
    }

    /** A piece of a response {@link #streamsResponse} agreed to stream. */
    void onResponsePiece(FramePiece piece) {
        ByteBuf bytes = piece.bytes();
        if (connection.closed()) {
            bytes.release();
            return;
        }
        InFlightRequest request = responses.streaming();
        if (piece.first()) {
            request = awaitingUpstream.poll(); // the one streamsResponse agreed to
            request.upstreamNanos = System.nanoTime() - request.forwardedNanos;
            ResponseFrames.setCorrelationId(bytes, request.clientCorrelationId);
            learnFetchSession(request, bytes);
        }
        responses.stream(request, bytes, piece.first(), piece.last());
        clientNeedsFlush = true;
    }

    /**
     * Runs a decoded response (from the broker, or given by an interceptor) through the response hooks, then
     * encodes it and queues it for the client once {@code ready} completes.
     *
     * @param frame the frame {@code body} was decoded from, released once encoded; null for a gateway answer
     */
    void respond(InFlightRequest request, short version, ApiMessage body, ByteBuf frame,
                 CompletionStage<Void> ready) {
        List<InstalledInterceptor> hooks = request.responseStages();
        if (hooks.isEmpty()) {
            sendEncoded(request, version, body, frame, ready);
            return;
        }
        new ResponseInterception(connection, request, hooks, body, result -> {
            if (connection.closed()) {
                release(frame);
            } else if (result instanceof ResponseInterception.Result.Send send) {
                sendEncoded(request, version, send.body(), frame, ready);
                flushClient();
            } else if (result instanceof ResponseInterception.Result.Closed closing) {
                release(frame);
                connection.closeForInterceptor(closing.by(), closing.reason());
            }
        }).run();
    }

    private void sendEncoded(InFlightRequest request, short version, ApiMessage body, ByteBuf frame,
                             CompletionStage<Void> ready) {
        ByteBuf encoded;
        try {
            encoded = connection.responseProcessor().encode(client.alloc(), request, version, body);
        } finally {
            release(frame); // the decoded body may point into it until encoded
        }
        CompletableFuture<Void> listening = ready == null ? null : ready.toCompletableFuture();
        if (listening == null || listening.isDone()) {
            complete(request, encoded);
        } else {
            listening.whenComplete((ignored, failure) -> client.eventLoop().execute(() -> {
                if (connection.closed()) {
                    encoded.release();
                } else {
                    complete(request, encoded);
                    flushClient();
                }
            }));
        }
    }

    private static void release(ByteBuf frame) {
        if (frame != null) {
            frame.release();
        }
    }

    /** Records a ready response and sends every response that no earlier one (or one being streamed) holds back. */
    void complete(InFlightRequest request, ByteBuf response) {
        if (responses.complete(request, response)) {
            clientNeedsFlush = true;
        }
    }

    /** Records a refusal's ready response, then closes the client connection once every response up to it is out. */
    void completeThenClose(InFlightRequest request, ByteBuf response) {
        complete(request, response);
        clientNeedsFlush = false;
        client.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    /** Flushes the responses written to the client since the last flush, if any. */
    void flushClient() {
        if (clientNeedsFlush) {
            clientNeedsFlush = false;
            client.flush();
        }
    }

    /** The upstream connection is gone: counts the requests it leaves unanswered, and sends what is ready. */
    void upstreamClosed() {
        for (InFlightRequest request : awaitingUpstream) {
            if (request.ownRequest == null) {
                metrics.requestFailed(request.apiKey);
            }
        }
        if (responses.streaming() != null) {
            metrics.requestFailed(responses.streaming().apiKey);
        }
        if (!awaitingUpstream.isEmpty()) {
            LOG.debug("Upstream connection to {} closed with {} request(s) in flight; closing the client connection "
                    + "from {}", target, awaitingUpstream.size(), client.remoteAddress());
        }
        flushClient();
    }

    /** A handler for the upstream connection, which feeds it the broker's responses. */
    ChannelHandler upstreamHandler() {
        return new UpstreamHandler();
    }

    /** Drops every response not yet written and fails the gateway's own requests; the connection is closing. */
    void releaseAll() {
        responses.releaseAll();
        for (InFlightRequest request : awaitingUpstream) {
            if (request.ownRequest != null) {
                request.ownRequest.completeExceptionally(new IOException("connection closed"));
            }
        }
        awaitingUpstream.clear();
    }

    /** Receives the broker's responses; runs on the same event loop as the client side. */
    private final class UpstreamHandler extends ChannelInboundHandlerAdapter {

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof FramePiece piece) {
                onResponsePiece(piece);
            } else {
                onResponse((ByteBuf) msg);
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            flushClient();
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            connection.upstreamWritable(ctx.channel().isWritable());
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            connection.upstreamClosed();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (cause instanceof IOException) {
                LOG.debug("Upstream connection to {} failed: {}", target, cause.toString());
            } else {
                LOG.warn("Closing upstream connection to {} after an unexpected error", target, cause);
            }
            ctx.close();
        }
    }
}
