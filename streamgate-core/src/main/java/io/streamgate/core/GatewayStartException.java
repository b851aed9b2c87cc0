package io.streamgate.core;

/** The gateway could not start: a port could not be bound, or the configuration cannot be used. */
public class GatewayStartException extends RuntimeException {

    public GatewayStartException(String message, Throwable cause) {
        super(message, cause);
    }

    public GatewayStartException(String message) {
        super(message);
    }
}
