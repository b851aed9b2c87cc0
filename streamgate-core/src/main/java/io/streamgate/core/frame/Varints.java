package io.streamgate.core.frame;

import io.netty.buffer.ByteBuf;

/**
 * Kafka's unsigned varints, read at absolute positions of a {@link ByteBuf} so that peeking at a frame
 * never moves its reader index.
 */
public final class Varints {

    private Varints() {
    }

    /** The value of the unsigned varint at {@code index}. */
    public static int unsignedVarint(ByteBuf buf, int index) {
        int value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            byte b = buf.getByte(index++);
            value |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("unsigned varint longer than 5 bytes");
    }

    /** The index just after the unsigned varint at {@code index}. */
    public static int skipUnsignedVarint(ByteBuf buf, int index) {
        for (int i = 0; i < 5; i++) {
            if ((buf.getByte(index++) & 0x80) == 0) {
                return index;
            }
        }
        throw new IllegalArgumentException("unsigned varint longer than 5 bytes");
    }

    /** The index just after the tagged-fields section that starts at {@code index}. */
    public static int skipTaggedFields(ByteBuf buf, int index) {
        int count = unsignedVarint(buf, index);
        index = skipUnsignedVarint(buf, index);
        for (int i = 0; i < count; i++) {
            index = skipUnsignedVarint(buf, index); // tag
            int size = unsignedVarint(buf, index);
            index = skipUnsignedVarint(buf, index) + size;
        }
        return index;
    }
}
