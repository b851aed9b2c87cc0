package io.streamgate.state;

/**
 * A store could not do what was asked for a reason other than the resource itself: its file cannot be read
 * or written, Kafka did not acknowledge a write in time, the store is closed. The message says which.
 */
public class ResourceStoreException extends RuntimeException {

    public ResourceStoreException(String message) {
        super(message);
    }

    public ResourceStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
