package io.streamgate.api;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Shared completed stages for the common outcomes, so that forwarding (or accepting) allocates nothing. */
final class CompletedOutcomes {

    static final CompletionStage<RequestOutcome> FORWARD_REQUEST =
            CompletableFuture.<RequestOutcome>completedFuture(new RequestOutcome.Forward(null)).minimalCompletionStage();

    static final CompletionStage<RequestOutcome> UNCHANGED_REQUEST =
            CompletableFuture.<RequestOutcome>completedFuture(new RequestOutcome.Unchanged()).minimalCompletionStage();

    static final CompletionStage<ResponseOutcome> FORWARD_RESPONSE =
            CompletableFuture.<ResponseOutcome>completedFuture(new ResponseOutcome.Forward(null)).minimalCompletionStage();

    static final CompletionStage<ConnectionOutcome> ACCEPT_CONNECTION =
            CompletableFuture.<ConnectionOutcome>completedFuture(new ConnectionOutcome.Accept(null))
                    .minimalCompletionStage();

    private CompletedOutcomes() {
    }
}
