package io.streamgate.api;

import org.apache.kafka.common.protocol.ApiMessage;

import java.util.concurrent.CompletionStage;

/**
 * Handles one decoded request. The request belongs to the hook until the returned stage completes: it may
 * modify it in place (and then {@linkplain RequestOutcome#forward() forward} it), replace it, answer it or
 * fail it. After that it must not be touched again.
 *
 * @param <T> the request message type
 */
@FunctionalInterface
public interface RequestHook<T extends ApiMessage> {

    /**
     * Runs on the connection's event loop; must not block. Throwing, or completing the stage
     * exceptionally, fails the request with UNKNOWN_SERVER_ERROR and a message naming the interceptor.
     */
    CompletionStage<RequestOutcome> onRequest(InterceptorContext context, T request);
}
