package io.streamgate.core.frame;

import io.netty.buffer.ByteBuf;

/**
 * A piece of a frame that is forwarded as its bytes arrive rather than once it is whole (see
 * {@link KafkaFrameDecoder#streamFramesFrom}). The first piece starts with the length prefix and holds at least the
 * correlation id; the pieces of one frame arrive in order, with nothing in between, the last one marked.
 *
 * @param bytes a retained slice of the bytes read, owned by the receiver
 */
public record FramePiece(ByteBuf bytes, boolean first, boolean last) {
}
