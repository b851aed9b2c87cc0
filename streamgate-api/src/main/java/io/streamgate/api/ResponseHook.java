package io.streamgate.api;

import org.apache.kafka.common.protocol.ApiMessage;

import java.util.concurrent.CompletionStage;

/**
 * Handles one decoded response, in the client's view (broker addresses already rewritten to the gateway's).
 * The response belongs to the hook until the returned stage completes: it may modify it in place or
 * replace it. Record data in it (e.g. fetched records) stays valid only until then.
 *
 * @param <T> the response message type
 */
@FunctionalInterface
public interface ResponseHook<T extends ApiMessage> {

    /**
     * Runs on the connection's event loop; must not block. Throwing, or completing the stage
     * exceptionally, turns the response into an error response (UNKNOWN_SERVER_ERROR) naming the interceptor.
     */
    CompletionStage<ResponseOutcome> onResponse(InterceptorContext context, T response);
}
