package io.streamgate.core.frame;

/**
 * A byte stream that is not valid Kafka framing. The message says what was wrong in terms an operator can
 * act on; the connection that sent it is closed.
 */
public class FrameException extends RuntimeException {

    public FrameException(String message) {
        super(message, null, false, false);
    }
}
