package io.streamgate.plugins.policy;

import io.streamgate.api.RequestOutcome;
import org.apache.kafka.common.protocol.Errors;

import java.util.concurrent.CompletionStage;

/**
 * Why a BLOCK rule refuses a request: the Kafka error a broker would give and the message naming the rule.
 *
 * @param error never {@link Errors#NONE}
 * @param message names the rule, the offending value and the interceptor
 */
public record Refusal(Errors error, String message) {

    /** Fails the whole request with this error and message. */
    public CompletionStage<RequestOutcome> fail() {
        return RequestOutcome.fail(error, message);
    }
}
