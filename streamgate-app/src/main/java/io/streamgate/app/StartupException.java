package io.streamgate.app;

/** Streamgate could not start; the message is one line naming the component and the cause. */
public class StartupException extends RuntimeException {

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
