package io.streamgate.core.frame;

import io.netty.buffer.ByteBuf;

/**
 * Reads and patches the fixed-position fields of a request frame (length prefix included): api key,
 * api version and correlation id sit at the same offsets in every request header version.
 */
public final class RequestFrames {

    /** api key (2) + api version (2) + correlation id (4). */
    public static final int MIN_HEADER_BYTES = 8;

    private static final int API_KEY_OFFSET = 4;
    private static final int API_VERSION_OFFSET = 6;
    private static final int CORRELATION_ID_OFFSET = 8;
    private static final int CLIENT_ID_OFFSET = 12;

    private RequestFrames() {
    }

    public static short apiKey(ByteBuf frame) {
        return frame.getShort(frame.readerIndex() + API_KEY_OFFSET);
    }

    public static short apiVersion(ByteBuf frame) {
        return frame.getShort(frame.readerIndex() + API_VERSION_OFFSET);
    }

    public static int correlationId(ByteBuf frame) {
        return frame.getInt(frame.readerIndex() + CORRELATION_ID_OFFSET);
    }

    public static void setCorrelationId(ByteBuf frame, int correlationId) {
        frame.setInt(frame.readerIndex() + CORRELATION_ID_OFFSET, correlationId);
    }

    /**
     * The offset, from the start of the frame, of the request body.
     *
     * @param headerVersion 1 (client id) or 2 (client id and tagged fields); version 0 has no client id
     */
    public static int bodyOffset(ByteBuf frame, short headerVersion) {
        int base = frame.readerIndex();
        if (headerVersion == 0) {
            return CLIENT_ID_OFFSET;
        }
        int offset = CLIENT_ID_OFFSET;
        short clientIdLength = frame.getShort(base + offset);
        offset += 2 + Math.max(clientIdLength, 0);
        if (headerVersion >= 2) {
            offset = Varints.skipTaggedFields(frame, base + offset) - base;
        }
        return offset;
    }
}
