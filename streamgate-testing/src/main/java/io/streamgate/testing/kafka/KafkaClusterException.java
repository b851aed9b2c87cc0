package io.streamgate.testing.kafka;

/**
 * A {@link KafkaCluster} could not be set up, formatted, started or stopped. Messages about a node that did
 * not come up carry the tail of that node's log, so that a failed test explains itself.
 */
public class KafkaClusterException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public KafkaClusterException(String message) {
        super(message);
    }

    public KafkaClusterException(String message, Throwable cause) {
        super(message, cause);
    }
}
