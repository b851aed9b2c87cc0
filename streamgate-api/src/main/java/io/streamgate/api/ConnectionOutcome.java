package io.streamgate.api;

import org.apache.kafka.common.protocol.Errors;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What becomes of a client connection after a {@link ConnectionHook}. The outcome holds until the hooks run again
 * (the connection's chain changed, or its client id did). With several interceptors, their connection hooks run in
 * chain order: a later {@link Accept} with a client id replaces an earlier one's; the first {@link Refuse} or
 * {@link Close} ends the sequence. The static methods return completed stages, ready to be returned by a hook that
 * decided at once.
 */
public sealed interface ConnectionOutcome {

    /**
     * The connection goes on.
     *
     * @param clientId null to keep the client's own client id; otherwise every later request of the connection
     *     reaches the broker with this client id in its header (the gateway's own requests keep theirs)
     */
    record Accept(String clientId) implements ConnectionOutcome {
    }

    /**
     * The connection stays open, but none of its later requests reaches the broker: each is answered with
     * {@code error}, set on every topic and partition of the request where the protocol has them, with
     * {@code message} where the protocol carries one, as {@link RequestOutcome.Fail} does. The requests a client
     * needs before it can show an error (ApiVersions, SaslHandshake, SaslAuthenticate and Metadata) still pass.
     */
    record Refuse(Errors error, String message) implements ConnectionOutcome {
        public Refuse {
            Objects.requireNonNull(error, "error");
            if (error == Errors.NONE) {
                throw new IllegalArgumentException("refusing with Errors.NONE");
            }
        }
    }

    /** Close the client connection, logging {@code reason}. */
    record Close(String reason) implements ConnectionOutcome {
    }

    /** Let the connection go on with the client's own client id. */
    static CompletionStage<ConnectionOutcome> accept() {
        return CompletedOutcomes.ACCEPT_CONNECTION;
    }

    /** Let the connection go on, its requests carrying {@code clientId} instead of the client's own. */
    static CompletionStage<ConnectionOutcome> accept(String clientId) {
        return CompletableFuture.completedFuture(new Accept(Objects.requireNonNull(clientId, "clientId")));
    }

    /** Answer every later request of the connection with a Kafka error and a message naming the rule. */
    static CompletionStage<ConnectionOutcome> refuse(Errors error, String message) {
        return CompletableFuture.completedFuture(new Refuse(error, message));
    }

    /** Close the client connection. */
    static CompletionStage<ConnectionOutcome> close(String reason) {
        return CompletableFuture.completedFuture(new Close(reason));
    }
}
