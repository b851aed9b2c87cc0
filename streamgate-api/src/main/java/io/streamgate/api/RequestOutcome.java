package io.streamgate.api;

import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What becomes of a request after a {@link RequestHook}. The static methods return completed stages, ready
 * to be returned by a hook that decided at once.
 */
public sealed interface RequestOutcome {

    /** Pass the request on to the next interceptor, then to the broker. */
    record Forward(ApiMessage replacement) implements RequestOutcome {
        /** @param replacement a new request of the same API, or null to forward the one given to the hook */
        public Forward {
        }
    }

    /**
     * Pass the request on, as the client sent it: the hook read it and changed nothing, neither in place nor by
     * replacement. When every hook a request meets says so, the gateway sends the client's own bytes instead of
     * encoding the decoded request again, which saves copying its records. A hook that may have changed the
     * request in place must return {@link #forward()} instead: what it changed would otherwise be lost.
     */
    record Unchanged() implements RequestOutcome {
    }

    /** Do not send the request to the broker; answer the client with {@code response} instead. */
    record Respond(ApiMessage response) implements RequestOutcome {
        public Respond {
            Objects.requireNonNull(response, "response");
        }
    }

    /**
     * Do not send the request to the broker; answer it with {@code error}, set on every topic and partition
     * of the request where the protocol has them, with {@code message} where the protocol carries one.
     */
    record Fail(Errors error, String message) implements RequestOutcome {
        public Fail {
            Objects.requireNonNull(error, "error");
            if (error == Errors.NONE) {
                throw new IllegalArgumentException("failing with Errors.NONE");
            }
        }
    }

    /** Close the client connection, logging {@code reason}. */
    record Close(String reason) implements RequestOutcome {
    }

    /** Forward the request as given to the hook, modified in place or not. */
    static CompletionStage<RequestOutcome> forward() {
        return CompletedOutcomes.FORWARD_REQUEST;
    }

    /** Forward the request as the client sent it: the hook read it and changed nothing (see {@link Unchanged}). */
    static CompletionStage<RequestOutcome> unchanged() {
        return CompletedOutcomes.UNCHANGED_REQUEST;
    }

    /** Forward {@code replacement} instead of the request given to the hook. */
    static CompletionStage<RequestOutcome> forward(ApiMessage replacement) {
        return CompletableFuture.completedFuture(new Forward(Objects.requireNonNull(replacement, "replacement")));
    }

    /** Answer the client directly (short-circuit). */
    static CompletionStage<RequestOutcome> respond(ApiMessage response) {
        return CompletableFuture.completedFuture(new Respond(response));
    }

    /** Fail the request with a Kafka error and a message naming the rule that refused it. */
    static CompletionStage<RequestOutcome> fail(Errors error, String message) {
        return CompletableFuture.completedFuture(new Fail(error, message));
    }

    /** Close the client connection. */
    static CompletionStage<RequestOutcome> close(String reason) {
        return CompletableFuture.completedFuture(new Close(reason));
    }
}
