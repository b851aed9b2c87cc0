package io.streamgate.admin;

/** The admin HTTP server could not start, typically because its port is taken. */
public class AdminServerException extends RuntimeException {

    public AdminServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
