package io.streamgate.core.protocol;

import io.netty.buffer.ByteBuf;
import io.streamgate.core.frame.Varints;
import org.apache.kafka.common.protocol.ApiKeys;

/**
 * Reads the fetch session id of a Fetch response (v7+) without decoding it: it follows the response header, the
 * throttle time and the error code, so it is found in the first bytes even of a response still arriving.
 */
public final class FetchResponseSession {

    private static final short FIRST_VERSION_WITH_SESSIONS = 7;
    /** Length prefix and correlation id. */
    private static final int HEADER_START = 8;
    /** throttle_time_ms (int32) and error_code (int16). */
    private static final int BEFORE_SESSION_ID = 6;

    private FetchResponseSession() {
    }

    /** The session id of the response starting at the frame's reader index, or 0 when none can be read. */
    public static int sessionId(ByteBuf frame, short version) {
        if (version < FIRST_VERSION_WITH_SESSIONS) {
            return 0;
        }
        try {
            int index = frame.readerIndex() + HEADER_START;
            if (ApiKeys.FETCH.responseHeaderVersion(version) >= 1) {
                index = Varints.skipTaggedFields(frame, index);
            }
            index += BEFORE_SESSION_ID;
            return index + Integer.BYTES <= frame.writerIndex() ? frame.getInt(index) : 0;
        } catch (IndexOutOfBoundsException notYetArrived) {
            return 0;
        }
    }
}
