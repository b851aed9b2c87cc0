package io.streamgate.core.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.streamgate.core.metrics.GatewayMetrics;

import java.util.ArrayDeque;

/**
 * The responses one client connection is owed, written in the order the client sent its requests: a response that
 * is ready waits for every earlier one. One response at a time may instead be streamed, written piece by piece as it
 * arrives from the broker; the responses after it wait for its last piece. Confined to the connection's event loop,
 * except {@link #owedCount()}.
 */
final class ResponseSequencer {

    private final ArrayDeque<InFlightRequest> owed = new ArrayDeque<>();
    private final GatewayMetrics metrics;
    private Channel client;
    private InFlightRequest streaming;
    private int streamedBytes;
    private volatile int owedCount;

    ResponseSequencer(GatewayMetrics metrics) {
        this.metrics = metrics;
    }

    /** The client connection responses are written to; set once it is active. */
    void writeTo(Channel client) {
        this.client = client;
    }

    /** Owes {@code request} a response, after every response owed so far. */
    void owe(InFlightRequest request) {
        owed.add(request);
        countOwed();
    }

    /** Requests owed a response, the one being streamed included; readable from any thread. */
    int owedCount() {
        return owedCount;
    }

    /** Whether {@code request}'s response would be written at once: every earlier one is written, none streams. */
    boolean isNext(InFlightRequest request) {
        return streaming == null && owed.peek() == request;
    }

    /**
     * Records {@code request}'s ready response, then writes every ready response no earlier one holds back.
     *
     * @return whether anything was written (the client then needs a flush)
     */
    boolean complete(InFlightRequest request, ByteBuf response) {
        request.response = response;
        return streaming == null && writeReady();
    }

    /**
     * Writes one piece of {@code request}'s response, which must be {@link #isNext next} when its first piece comes;
     * after the last piece, writes the ready responses that waited for it. The client then needs a flush.
     */
    void stream(InFlightRequest request, ByteBuf piece, boolean first, boolean last) {
        if (first) {
            owed.poll(); // still counted in owedCount until its last piece is written
            streaming = request;
            streamedBytes = 0;
            metrics.responseStreamed(request.apiKey);
        }
        streamedBytes += piece.readableBytes();
        client.write(piece, client.voidPromise());
        if (last) {
            streaming = null;
            metrics.responseSent(request.apiKey, streamedBytes, System.nanoTime() - request.receivedNanos,
                    request.upstreamNanos);
            writeReady();
        }
    }

    /** The request whose response is being streamed, if any. */
    InFlightRequest streaming() {
        return streaming;
    }

    /** Drops every response not yet written; the connection is closing. */
    void releaseAll() {
        for (InFlightRequest request : owed) {
            request.releaseResponse();
        }
        owed.clear();
        streaming = null;
        owedCount = 0;
    }

    private boolean writeReady() {
        boolean wrote = false;
        InFlightRequest head;
        while ((head = owed.peek()) != null && head.response != null) {
            owed.poll();
            ByteBuf frame = head.response;
            head.response = null;
            int bytes = frame.readableBytes();
            client.write(frame, client.voidPromise());
            metrics.responseSent(head.apiKey, bytes, System.nanoTime() - head.receivedNanos, head.upstreamNanos);
            wrote = true;
        }
        countOwed();
        return wrote;
    }

    private void countOwed() {
        owedCount = owed.size() + (streaming == null ? 0 : 1);
    }
}
