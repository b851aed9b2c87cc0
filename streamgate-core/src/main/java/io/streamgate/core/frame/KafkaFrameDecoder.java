package io.streamgate.core.frame;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

import java.util.List;

/**
 * Splits a Kafka byte stream into frames. Each frame is emitted as a retained slice of the bytes read,
 * <em>including</em> its 4-byte length prefix, so that a frame nobody needs to change is forwarded as is:
 * no copy, no re-encode.
 *
 * <p>A decoder for responses can also forward a large frame as its bytes arrive, when a {@link FrameStreaming}
 * policy agrees ({@link #streamFramesFrom}): the frame is then emitted as {@link FramePiece}s, so that a
 * multi-megabyte Fetch response nobody needs to look into reaches the client while the broker is still sending it,
 * instead of after it.
 *
 * <p>Invalid input (negative or oversized length, a frame too short to hold a header, TLS or HTTP bytes
 * where Kafka was expected) raises a {@link FrameException}; after that the decoder discards everything,
 * and the handler that catches the exception closes the connection.
 */
public final class KafkaFrameDecoder extends ByteToMessageDecoder {

    private static final int LENGTH_FIELD_BYTES = 4;
    private static final int CORRELATION_ID_END = 8;

    private int maxFrameBytes;
    private final int minFrameBytes;
    private final boolean detectForeignProtocol;
    private boolean firstFrame = true;
    private boolean failed;
    private FrameStreaming streaming;
    private int streamFrom = Integer.MAX_VALUE;
    /** Bytes of the frame being streamed that have not arrived yet; 0 when no frame is being streamed. */
    private int streamRemaining;

    /**
     * @param maxFrameBytes the largest frame body accepted (excluding the length prefix)
     * @param minFrameBytes the smallest frame body that can hold a header (8 for requests, 4 for responses)
     * @param detectForeignProtocol whether to recognise TLS and HTTP at the start of the stream, to report
     *     them as such rather than as an absurd frame length
     */
    public KafkaFrameDecoder(int maxFrameBytes, int minFrameBytes, boolean detectForeignProtocol) {
        this.maxFrameBytes = maxFrameBytes;
        this.minFrameBytes = minFrameBytes;
        this.detectForeignProtocol = detectForeignProtocol;
    }

    /** A decoder for frames sent by clients. */
    public static KafkaFrameDecoder forRequests(int maxFrameBytes) {
        return new KafkaFrameDecoder(maxFrameBytes, RequestFrames.MIN_HEADER_BYTES, true);
    }

    /** A decoder for frames sent by brokers; a response carries at least its correlation id. */
    public static KafkaFrameDecoder forResponses() {
        return new KafkaFrameDecoder(Integer.MAX_VALUE - LENGTH_FIELD_BYTES, 4, false);
    }

    /** The largest frame body accepted now (excluding the length prefix). */
    public int maxFrameBytes() {
        return maxFrameBytes;
    }

    /**
     * Changes the largest frame body accepted from the next frame on: a listener that authenticates clients accepts
     * only small frames until authentication completes, as a broker does. Call on the channel's event loop.
     */
    public void maxFrameBytes(int maxFrameBytes) {
        if (maxFrameBytes < minFrameBytes) {
            throw new IllegalArgumentException("maxFrameBytes " + maxFrameBytes + " is below the smallest frame, "
                    + minFrameBytes);
        }
        this.maxFrameBytes = maxFrameBytes;
    }

    /**
     * Lets frames of at least {@code minFrameBytes} (length prefix included) that have not fully arrived be forwarded
     * in pieces, when {@code policy} agrees. Call on the channel's event loop.
     */
    public void streamFramesFrom(int minFrameBytes, FrameStreaming policy) {
        this.streamFrom = Math.max(minFrameBytes, CORRELATION_ID_END);
        this.streaming = policy;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (streamRemaining > 0) {
            int piece = Math.min(in.readableBytes(), streamRemaining);
            streamRemaining -= piece;
            out.add(new FramePiece(in.readRetainedSlice(piece), false, streamRemaining == 0));
            if (streamRemaining > 0) {
                return;
            }
        }
        while (in.readableBytes() >= LENGTH_FIELD_BYTES) {
            int start = in.readerIndex();
            if (firstFrame && detectForeignProtocol) {
                String foreign = ForeignProtocol.recognise(in);
                if (foreign != null) {
                    fail(in, foreign);
                }
            }
            int length = in.getInt(start);
            if (length < 0) {
                fail(in, "negative frame length " + length);
            }
            if (length > maxFrameBytes) {
                fail(in, "frame of " + length + " bytes exceeds the limit of " + maxFrameBytes + " bytes");
            }
            if (length < minFrameBytes) {
                fail(in, "frame of " + length + " bytes is too short to hold a Kafka header");
            }
            if (in.readableBytes() < LENGTH_FIELD_BYTES + length) {
                if (streaming != null && LENGTH_FIELD_BYTES + length >= streamFrom
                        && in.readableBytes() >= CORRELATION_ID_END) {
                    if (!out.isEmpty()) {
                        return; // the frames before this one are handed on first; then the policy is asked
                    }
                    if (streaming.streams(in.getInt(start + LENGTH_FIELD_BYTES), LENGTH_FIELD_BYTES + length)) {
                        int piece = in.readableBytes();
                        streamRemaining = LENGTH_FIELD_BYTES + length - piece;
                        out.add(new FramePiece(in.readRetainedSlice(piece), true, false));
                        firstFrame = false;
                        return;
                    }
                }
                int missing = LENGTH_FIELD_BYTES + length - in.readableBytes();
                if (in.refCnt() == 1 && in.maxWritableBytes() >= missing) {
                    // Grow the cumulation once to the frame's size instead of doubling it read after read.
                    in.ensureWritable(missing);
                }
                return;
            }
            out.add(in.retainedSlice(start, LENGTH_FIELD_BYTES + length));
            in.skipBytes(LENGTH_FIELD_BYTES + length);
            firstFrame = false;
        }
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        decode(ctx, in, out);
        if (!failed && streamRemaining > 0) {
            int missing = streamRemaining;
            streamRemaining = 0;
            throw new FrameException("connection closed in the middle of a frame forwarded as it arrived: " + missing
                    + " bytes missing");
        }
        if (!failed && in.isReadable()) {
            int readable = in.readableBytes();
            String expected = readable >= LENGTH_FIELD_BYTES
                    ? " of " + (LENGTH_FIELD_BYTES + in.getInt(in.readerIndex())) : "";
            in.skipBytes(readable);
            throw new FrameException("connection closed in the middle of a frame: received " + readable + expected
                    + " bytes");
        }
    }

    private void fail(ByteBuf in, String reason) {
        failed = true;
        in.skipBytes(in.readableBytes());
        throw new FrameException(reason);
    }
}
