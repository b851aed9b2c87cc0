package io.streamgate.core.frame;

import io.netty.buffer.ByteBuf;

/** Reads and patches the correlation id of a response frame (length prefix included). */
public final class ResponseFrames {

    private static final int CORRELATION_ID_OFFSET = 4;

    private ResponseFrames() {
    }

    public static int correlationId(ByteBuf frame) {
        return frame.getInt(frame.readerIndex() + CORRELATION_ID_OFFSET);
    }

    public static void setCorrelationId(ByteBuf frame, int correlationId) {
        frame.setInt(frame.readerIndex() + CORRELATION_ID_OFFSET, correlationId);
    }

    /** The size of the frame without its length prefix, as Kafka counts it. */
    public static int bodySize(ByteBuf frame) {
        return frame.readableBytes() - 4;
    }
}
