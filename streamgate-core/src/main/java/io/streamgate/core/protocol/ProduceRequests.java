package io.streamgate.core.protocol;

import io.netty.buffer.ByteBuf;
import io.streamgate.core.frame.RequestFrames;
import io.streamgate.core.frame.Varints;
import org.apache.kafka.common.protocol.ApiKeys;

/**
 * Peeks at the one Produce request field the gateway must know before forwarding: {@code acks}. With
 * {@code acks=0} the broker sends no response, so the gateway must not wait for one.
 */
public final class ProduceRequests {

    private static final short FIRST_FLEXIBLE_VERSION = 9;

    private ProduceRequests() {
    }

    /** The {@code acks} of a Produce request frame (versions 3 and later, which start with transactional id). */
    public static short acks(ByteBuf frame, short version) {
        int index = frame.readerIndex()
                + RequestFrames.bodyOffset(frame, ApiKeys.PRODUCE.requestHeaderVersion(version));
        if (version >= FIRST_FLEXIBLE_VERSION) {
            int lengthPlusOne = Varints.unsignedVarint(frame, index);
            index = Varints.skipUnsignedVarint(frame, index) + Math.max(lengthPlusOne - 1, 0);
        } else {
            index += 2 + Math.max(frame.getShort(index), 0);
        }
        return frame.getShort(index);
    }
}
