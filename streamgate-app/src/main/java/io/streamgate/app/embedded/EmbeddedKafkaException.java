package io.streamgate.app.embedded;

/** The embedded Kafka could not be started or prepared; the message says why and, where possible, what to do. */
public class EmbeddedKafkaException extends RuntimeException {

    public EmbeddedKafkaException(String message) {
        super(message);
    }

    public EmbeddedKafkaException(String message, Throwable cause) {
        super(message, cause);
    }
}
