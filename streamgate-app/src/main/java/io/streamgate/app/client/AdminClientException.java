package io.streamgate.app.client;

/**
 * A request to the admin API did not succeed: no gateway answered, or it answered with an error. The message is
 * for people: the server's own error text where there is one.
 */
public class AdminClientException extends Exception {

    private final int status;

    /**
     * @param status the HTTP status the gateway answered, or 0 when it did not answer
     */
    public AdminClientException(String message, int status) {
        super(message, null, false, false);
        this.status = status;
    }

    /** The HTTP status, or 0 when no gateway answered. */
    public int status() {
        return status;
    }
}
