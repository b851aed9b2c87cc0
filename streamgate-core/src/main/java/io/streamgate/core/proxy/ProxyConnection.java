package io.streamgate.core.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.streamgate.core.address.HostPort;
import io.streamgate.core.frame.FrameException;
import io.streamgate.core.frame.RequestFrames;
import io.streamgate.core.frame.ResponseFrames;
import io.streamgate.core.metrics.GatewayMetrics;
import io.streamgate.core.protocol.ApiVersionsNegotiation;
import io.streamgate.core.protocol.GatewayApiSupport;
import io.streamgate.core.protocol.KafkaMessageCodec;
import io.streamgate.core.protocol.ProduceRequests;
import io.streamgate.core.upstream.UpstreamTarget;
import org.apache.kafka.common.protocol.ApiKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.SocketAddress;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One client connection and the upstream broker connection that serves it, handled together on the client
 * channel's event loop, so none of this state needs a lock.
 *
 * <p>Requests are forwarded as the bytes read, with only the correlation id patched: the gateway numbers
 * requests on the upstream connection itself, so that it could add requests of its own, and puts the
 * client's number back on each response. Responses leave in request order, whatever order they become ready
 * in. Produce with {@code acks=0} gets no response from the broker, so none is awaited.
 *
 * <p>Backpressure: while the upstream connection cannot take more bytes, the client is not read; while the
 * client cannot take more bytes, the upstream connection is not read.
 */
public final class ProxyConnection extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyConnection.class);

    private static final int PAUSED_CONNECTING = 1;
    private static final int PAUSED_UPSTREAM_UNWRITABLE = 1 << 1;
    private static final int PAUSED_DRAINING = 1 << 2;

    private final ProxyServices services;
    private final GatewayMetrics metrics;
    private final UpstreamTarget target;
    /** Requests sent upstream, oldest first; brokers answer in order on a connection. */
    private final ArrayDeque<InFlightRequest> awaitingUpstream = new ArrayDeque<>();
    /** Requests whose responses the client is owed, in the order it sent them. */
    private final ArrayDeque<InFlightRequest> owedResponses = new ArrayDeque<>();
    /** Requests read before the upstream connection was ready. */
    private final ArrayDeque<ByteBuf> heldRequests = new ArrayDeque<>();

    private Channel client;
    private Channel upstream;
    private int nextUpstreamCorrelationId;
    private int readPauses;
    private boolean closed;
    private boolean clientNeedsFlush;
    private volatile int owedCount;

    public ProxyConnection(ProxyServices services, UpstreamTarget target) {
        this.services = services;
        this.metrics = services.metrics();
        this.target = target;
    }

    /** Requests still owed a response; readable from any thread. */
    public int inFlightRequests() {
        return owedCount;
    }

    /** Stops reading new requests from the client; those already read still complete. Any thread. */
    public void drain() {
        client.eventLoop().execute(() -> pause(PAUSED_DRAINING));
    }

    /** Closes both connections. Any thread. */
    public void close() {
        client.close();
    }

    // ---- client side ----

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        client = ctx.channel();
        services.register(this);
        metrics.connectionOpened();
        pause(PAUSED_CONNECTING);
        services.routes().candidates(target).whenComplete((candidates, failure) ->
                client.eventLoop().execute(() -> {
                    if (failure != null) {
                        LOG.warn("Closing connection from {} to {}: {}", client.remoteAddress(), target,
                                rootMessage(failure));
                        client.close();
                    } else {
                        connectUpstream(candidates, 0, null);
                    }
                }));
        ctx.fireChannelActive();
    }

    private void connectUpstream(List<HostPort> candidates, int index, Throwable lastFailure) {
        if (closed) {
            return;
        }
        if (index == candidates.size()) {
            LOG.warn("Closing connection from {}: cannot reach {} at {}: {}", client.remoteAddress(), target,
                    candidates, rootMessage(lastFailure));
            client.close();
            return;
        }
        HostPort broker = candidates.get(index);
        services.connector().connect(broker, client.eventLoop(), new UpstreamHandler())
                .whenComplete((channel, failure) -> {
                    if (failure != null) {
                        connectUpstream(candidates, index + 1, failure);
                    } else if (closed) {
                        channel.close();
                    } else {
                        upstreamReady(channel);
                    }
                });
    }

    private void upstreamReady(Channel channel) {
        upstream = channel;
        upstream.config().setAutoRead(client.isWritable());
        while (!heldRequests.isEmpty() && !closed) {
            forward(heldRequests.poll());
        }
        upstream.flush();
        resume(PAUSED_CONNECTING);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf frame = (ByteBuf) msg;
        if (closed) {
            frame.release();
        } else if (upstream == null) {
            heldRequests.add(frame);
        } else {
            forward(frame);
        }
    }

    private void forward(ByteBuf frame) {
        long now = System.nanoTime();
        short apiKeyId = RequestFrames.apiKey(frame);
        short version = RequestFrames.apiVersion(frame);
        int correlationId = RequestFrames.correlationId(frame);
        if (!GatewayApiSupport.supports(apiKeyId, version)) {
            refuse(frame, apiKeyId, version, correlationId, now);
            return;
        }
        ApiKeys apiKey = ApiKeys.forId(apiKeyId);
        metrics.requestReceived(apiKey, frame.readableBytes());
        boolean expectsResponse;
        try {
            expectsResponse = apiKey != ApiKeys.PRODUCE || ProduceRequests.acks(frame, version) != 0;
        } catch (IndexOutOfBoundsException e) {
            protocolError(frame, "malformed " + apiKey.name + " v" + version + " request");
            return;
        }
        int upstreamCorrelationId = nextUpstreamCorrelationId++;
        RequestFrames.setCorrelationId(frame, upstreamCorrelationId);
        if (expectsResponse) {
            InFlightRequest request = new InFlightRequest(apiKey, version, correlationId,
                    ResponseHandling.of(apiKey, version), now);
            request.upstreamCorrelationId = upstreamCorrelationId;
            request.forwardedNanos = System.nanoTime();
            awaitingUpstream.add(request);
            owedResponses.add(request);
            owedCount = owedResponses.size();
        }
        upstream.write(frame, upstream.voidPromise());
    }

    private void refuse(ByteBuf frame, short apiKeyId, short version, int correlationId, long now) {
        if (apiKeyId == ApiKeys.API_VERSIONS.id && version > ApiKeys.API_VERSIONS.latestVersion()) {
            // As a broker does: answer at version 0, which every client can read, so it retries lower.
            metrics.requestReceived(ApiKeys.API_VERSIONS, frame.readableBytes());
            frame.release();
            InFlightRequest request = new InFlightRequest(ApiKeys.API_VERSIONS, (short) 0, correlationId,
                    ResponseHandling.PASSTHROUGH, now);
            owedResponses.add(request);
            complete(request, KafkaMessageCodec.encodeResponse(client.alloc(), ApiKeys.API_VERSIONS, (short) 0,
                    correlationId, ApiVersionsNegotiation.unsupportedVersion()));
            flushClient();
            return;
        }
        String what = ApiKeys.hasId(apiKeyId)
                ? "unsupported version " + version + " of " + ApiKeys.forId(apiKeyId).name
                        + GatewayApiSupport.range(apiKeyId).map(r -> " (supported: " + r.min() + "-" + r.max() + ")")
                                .orElse(" (an API the gateway does not offer)")
                : "unknown API key " + apiKeyId + " (version " + version + ")";
        protocolError(frame, what);
    }

    private void protocolError(ByteBuf frame, String what) {
        frame.release();
        metrics.protocolError();
        LOG.warn("Closing connection from {}: {}", client.remoteAddress(), what);
        client.close();
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (upstream != null) {
            upstream.flush();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (upstream != null) {
            upstream.config().setAutoRead(client.isWritable());
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        SocketAddress remote = client == null ? ctx.channel().remoteAddress() : client.remoteAddress();
        if (cause instanceof DecoderException && cause.getCause() instanceof FrameException frameError) {
            metrics.protocolError();
            LOG.warn("Closing connection from {}: {}", remote, frameError.getMessage());
        } else if (cause instanceof IOException) {
            LOG.debug("Connection from {} failed: {}", remote, cause.toString());
        } else {
            LOG.warn("Closing connection from {} after an unexpected error", remote, cause);
        }
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        closed = true;
        services.unregister(this);
        metrics.connectionClosed();
        if (upstream != null) {
            upstream.close();
        }
        releaseAll();
        ctx.fireChannelInactive();
    }

    private void releaseAll() {
        for (InFlightRequest request : owedResponses) {
            request.releaseResponse();
        }
        owedResponses.clear();
        awaitingUpstream.clear();
        owedCount = 0;
        ByteBuf held;
        while ((held = heldRequests.poll()) != null) {
            held.release();
        }
    }

    // ---- upstream side ----

    private void onResponse(ByteBuf frame) {
        if (closed) {
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
        ResponseFrames.setCorrelationId(frame, request.clientCorrelationId);
        if (request.handling == ResponseHandling.PASSTHROUGH) {
            complete(request, frame);
            return;
        }
        CompletableFuture<ByteBuf> processed;
        try {
            processed = services.responseProcessor().process(request, frame, client.alloc()).toCompletableFuture();
        } catch (RuntimeException e) {
            LOG.error("Closing connection from {}: cannot process the {} v{} response from {}", client.remoteAddress(),
                    request.apiKey.name, request.apiVersion, target, e);
            metrics.requestFailed(request.apiKey);
            client.close();
            return;
        }
        if (processed.isDone()) {
            complete(request, processed.join());
        } else {
            processed.thenAccept(response -> client.eventLoop().execute(() -> {
                if (closed) {
                    response.release();
                } else {
                    complete(request, response);
                    flushClient();
                }
            }));
        }
    }

    /** Records a ready response and sends every response that no earlier one is holding back. */
    private void complete(InFlightRequest request, ByteBuf response) {
        request.response = response;
        InFlightRequest head;
        while ((head = owedResponses.peek()) != null && head.response != null) {
            owedResponses.poll();
            ByteBuf frame = head.response;
            head.response = null;
            int bytes = frame.readableBytes();
            client.write(frame, client.voidPromise());
            metrics.responseSent(head.apiKey, bytes, System.nanoTime() - head.receivedNanos, head.upstreamNanos);
            clientNeedsFlush = true;
        }
        owedCount = owedResponses.size();
    }

    private void flushClient() {
        if (clientNeedsFlush) {
            clientNeedsFlush = false;
            client.flush();
        }
    }

    private void upstreamClosed() {
        if (closed) {
            return;
        }
        for (InFlightRequest request : awaitingUpstream) {
            metrics.requestFailed(request.apiKey);
        }
        if (!awaitingUpstream.isEmpty()) {
            LOG.debug("Upstream connection to {} closed with {} request(s) in flight; closing the client connection "
                    + "from {}", target, awaitingUpstream.size(), client.remoteAddress());
        }
        flushClient();
        client.close();
    }

    // ---- reads paused for several independent reasons ----

    private void pause(int reason) {
        readPauses |= reason;
        client.config().setAutoRead(false);
    }

    private void resume(int reason) {
        readPauses &= ~reason;
        if (readPauses == 0 && !closed) {
            client.config().setAutoRead(true);
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** Receives the broker's responses; runs on the same event loop as the client side. */
    private final class UpstreamHandler extends ChannelInboundHandlerAdapter {

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            onResponse((ByteBuf) msg);
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            flushClient();
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            if (ctx.channel().isWritable()) {
                resume(PAUSED_UPSTREAM_UNWRITABLE);
            } else {
                pause(PAUSED_UPSTREAM_UNWRITABLE);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            upstreamClosed();
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
