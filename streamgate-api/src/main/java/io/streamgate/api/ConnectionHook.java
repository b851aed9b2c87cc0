package io.streamgate.api;

import java.util.concurrent.CompletionStage;

/**
 * Decides about a client connection as a whole: let it go on (possibly under another client id), refuse its requests,
 * or close it. The gateway calls it before the first request of the connection that reaches the interceptor chain
 * (once the connection has authenticated, on a listener that authenticates clients), and again before a request
 * when the connection's chain has changed or when the request's client id differs from the one this hook last saw.
 * Requests that arrive while the returned stage is pending wait for it, in order.
 *
 * <p>The context's {@link InterceptorContext#apiKey()} and {@link InterceptorContext#apiVersion()} are those of the
 * request that triggered the call; {@link InterceptorContext#connection()} shows the client's own client id, never
 * one an {@link ConnectionOutcome.Accept} substituted. The context's {@link InterceptorContext#scratch()} lives only
 * for this call: per-connection state belongs in {@link ConnectionInfo#attributes()}.
 */
@FunctionalInterface
public interface ConnectionHook {

    /**
     * Runs on the connection's event loop; must not block. Throwing, or completing the stage exceptionally or after
     * the interceptor's timeout, closes the connection (the client reconnects, and the hook runs again).
     */
    CompletionStage<ConnectionOutcome> onConnection(InterceptorContext context);
}
