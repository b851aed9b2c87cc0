package io.streamgate.api;

import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;

import java.util.Collection;

/**
 * Where an {@link Interceptor} declares the requests and responses it handles. Typed hooks receive the
 * decoded message of one API, e.g. {@code onRequest(ProduceRequestData.class, (context, produce) -> ...)};
 * generic hooks receive any message of the chosen APIs. A {@link ConnectionHook} decides about the connection
 * as a whole: the client id its requests carry, whether they pass.
 *
 * <p>An interceptor may register one request hook and one response hook per API, and one connection hook;
 * registering a second one for the same API, or a second connection hook, replaces the first. Only valid during
 * {@link Interceptor#registerHooks(Hooks)}.
 */
public interface Hooks {

    /**
     * Handles requests of the API whose request message class is {@code type}, for example
     * {@code ProduceRequestData.class}.
     */
    <T extends ApiMessage> Hooks onRequest(Class<T> type, RequestHook<? super T> hook);

    /**
     * Handles responses of the API whose response message class is {@code type}, for example
     * {@code FetchResponseData.class}.
     */
    <T extends ApiMessage> Hooks onResponse(Class<T> type, ResponseHook<? super T> hook);

    /** Handles requests of each of {@code apis} with one generic hook. */
    Hooks onRequests(Collection<ApiKeys> apis, RequestHook<ApiMessage> hook);

    /** Handles responses of each of {@code apis} with one generic hook. */
    Hooks onResponses(Collection<ApiKeys> apis, ResponseHook<ApiMessage> hook);

    /**
     * Decides about each connection in the interceptor's scope: called before its first request, and again when its
     * chain or its client id changes. An interceptor without one costs its connections nothing per request.
     */
    Hooks onConnection(ConnectionHook hook);
}
