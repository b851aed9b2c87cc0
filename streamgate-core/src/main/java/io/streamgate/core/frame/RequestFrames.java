package io.streamgate.core.frame;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;

import java.nio.charset.StandardCharsets;

/**
 * Reads and patches the fixed-position fields of a request frame (length prefix included): api key,
 * api version and correlation id sit at the same offsets in every request header version; the client id, an int16
 * length and that many UTF-8 bytes (-1 for null), follows them from header version 1 on, the header's tagged fields
 * follow it in version 2.
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

    /**
     * Whether the frame's client id is {@code clientId}, compared byte by byte in place.
     *
     * @param clientId the UTF-8 bytes of a client id, or null for the null client id
     * @param headerVersion the request's header version; version 0 has no client id, which counts as null
     */
    public static boolean hasClientId(ByteBuf frame, short headerVersion, byte[] clientId) {
        if (headerVersion == 0) {
            return clientId == null;
        }
        int start = frame.readerIndex() + CLIENT_ID_OFFSET;
        short length = frame.getShort(start);
        if (length < 0 || clientId == null) {
            return length < 0 && clientId == null;
        }
        if (length != clientId.length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (frame.getByte(start + 2 + i) != clientId[i]) {
                return false;
            }
        }
        return true;
    }

    /** The UTF-8 bytes of the frame's client id; null for a null client id, or in header version 0, which has none. */
    public static byte[] clientIdBytes(ByteBuf frame, short headerVersion) {
        if (headerVersion == 0) {
            return null;
        }
        int start = frame.readerIndex() + CLIENT_ID_OFFSET;
        short length = frame.getShort(start);
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        frame.getBytes(start + 2, bytes);
        return bytes;
    }

    /** Decodes a client id read by {@link #clientIdBytes}; null stays null. */
    public static String clientIdOf(byte[] clientIdBytes) {
        return clientIdBytes == null ? null : new String(clientIdBytes, StandardCharsets.UTF_8);
    }

    /**
     * The frame with {@code clientId} in place of its client id: a composite of the frame's bytes before the client id,
     * the new client id, and the frame's bytes after the old one (the header's tagged fields, if any, and the body),
     * with the size field fixed. Nothing of the frame is copied. Takes over the caller's reference to {@code frame};
     * the caller owns the returned buffer. A header version 0 frame, which has no client id, is returned as it is.
     *
     * @param clientId the UTF-8 bytes of the new client id, at most {@link Short#MAX_VALUE} of them
     */
    public static ByteBuf withClientId(ByteBufAllocator allocator, ByteBuf frame, short headerVersion,
                                       byte[] clientId) {
        if (headerVersion == 0) {
            return frame;
        }
        int base = frame.readerIndex();
        int restOffset = CLIENT_ID_OFFSET + 2 + Math.max(frame.getShort(base + CLIENT_ID_OFFSET), 0);
        ByteBuf id = allocator.buffer(2 + clientId.length);
        id.writeShort(clientId.length).writeBytes(clientId);
        CompositeByteBuf spliced = allocator.compositeBuffer(3);
        spliced.addComponent(true, frame.retainedSlice(base, CLIENT_ID_OFFSET));
        spliced.addComponent(true, id);
        spliced.addComponent(true, frame.retainedSlice(base + restOffset, frame.readableBytes() - restOffset));
        frame.release();
        spliced.setInt(0, spliced.readableBytes() - 4);
        return spliced;
    }
}
