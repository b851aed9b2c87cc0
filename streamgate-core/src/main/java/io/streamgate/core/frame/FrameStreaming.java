package io.streamgate.core.frame;

/**
 * Decides whether a large frame that has begun to arrive may be forwarded piece by piece ({@link FramePiece}), rather
 * than held until it is whole. Asked on the channel's event loop, after every earlier frame has been handed on.
 */
@FunctionalInterface
public interface FrameStreaming {

    /**
     * @param correlationId the frame's correlation id (the first field after the length prefix)
     * @param frameBytes the frame's whole size, length prefix included
     * @return true to receive the frame as {@link FramePiece}s
     */
    boolean streams(int correlationId, int frameBytes);
}
