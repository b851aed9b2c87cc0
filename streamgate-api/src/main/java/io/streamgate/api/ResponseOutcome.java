package io.streamgate.api;

import org.apache.kafka.common.protocol.ApiMessage;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What becomes of a response after a {@link ResponseHook}. The static methods return completed stages.
 */
public sealed interface ResponseOutcome {

    /** Pass the response on to the previous interceptor, then to the client. */
    record Forward(ApiMessage replacement) implements ResponseOutcome {
        /** @param replacement a new response of the same API, or null to forward the one given to the hook */
        public Forward {
        }
    }

    /** Close the client connection instead of answering, logging {@code reason}. */
    record Close(String reason) implements ResponseOutcome {
    }

    /** Forward the response as given to the hook, modified in place or not. */
    static CompletionStage<ResponseOutcome> forward() {
        return CompletedOutcomes.FORWARD_RESPONSE;
    }

    /** Forward {@code replacement} instead of the response given to the hook. */
    static CompletionStage<ResponseOutcome> forward(ApiMessage replacement) {
        return CompletableFuture.completedFuture(new Forward(Objects.requireNonNull(replacement, "replacement")));
    }

    /** Close the client connection. */
    static CompletionStage<ResponseOutcome> close(String reason) {
        return CompletableFuture.completedFuture(new Close(reason));
    }
}
