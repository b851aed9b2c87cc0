package io.streamgate.core.proxy;

import io.streamgate.api.RequestOutcome;
import io.streamgate.core.chain.InstalledInterceptor;
import io.streamgate.core.protocol.ErrorResponses;
import org.apache.kafka.common.protocol.ApiMessage;

import java.util.Arrays;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Runs the request hooks of one request, in ascending priority, one after the other, each possibly
 * asynchronous, and reports how the request ends: forwarded (possibly modified or replaced), answered by the
 * gateway (short-circuit, refusal, or a failed or timed-out hook), or the connection closed.
 */
final class RequestInterception extends HookSequence<RequestOutcome, RequestInterception.Result> {

    /** How a request leaves the chain. */
    sealed interface Result {
        /**
         * Send {@code body} to the broker; when no hook {@code changed} it (every one answered
         * {@link RequestOutcome.Unchanged}), the client's own bytes can go instead.
         */
        record Forwarded(ApiMessage body, boolean changed) implements Result {
        }

        /** Answer the client with {@code response}, given by the interceptor {@code by} or on its behalf. */
        record Answered(ApiMessage response, InstalledInterceptor by) implements Result {
        }

        /** Close the connection. */
        record Closed(String reason, InstalledInterceptor by) implements Result {
        }
    }

    private static final RequestOutcome FORWARD_UNCHANGED = new RequestOutcome.Forward(null);

    private final ProxyConnection connection;
    private final InFlightRequest request;
    private ApiMessage body;
    private boolean changed;

    RequestInterception(ProxyConnection connection, InFlightRequest request, InstalledInterceptor[] stages,
                        ApiMessage body, Consumer<Result> done) {
        super(Arrays.asList(stages), done);
        this.connection = connection;
        this.request = request;
        this.body = body;
    }

    @Override
    void invoke(InstalledInterceptor interceptor, BiConsumer<RequestOutcome, Throwable> then) {
        HookContext context = request.contextFor(connection, interceptor);
        HookInvocation.invoke(connection.eventLoop(), interceptor, FORWARD_UNCHANGED, RequestOutcome.forward(),
                () -> interceptor.requestHook(request.apiKey).onRequest(context, body), then);
    }

    @Override
    Result completed() {
        return new Result.Forwarded(body, changed);
    }

    @Override
    Result apply(InstalledInterceptor interceptor, RequestOutcome outcome, Throwable failure) {
        if (failure != null) {
            return failed(interceptor, failure);
        }
        if (outcome instanceof RequestOutcome.Unchanged) {
            return null;
        }
        if (outcome instanceof RequestOutcome.Forward forward) {
            changed = true; // in place, or replaced
            if (forward.replacement() != null) {
                if (forward.replacement().apiKey() != request.apiKey.id) {
                    return failed(interceptor, new IllegalArgumentException("replaced a " + request.apiKey.name
                            + " request with another API's message"));
                }
                body = forward.replacement();
            }
            return null;
        }
        if (outcome instanceof RequestOutcome.Respond respond) {
            return new Result.Answered(respond.response(), interceptor);
        }
        if (outcome instanceof RequestOutcome.Fail fail) {
            connection.metrics().interceptorRefused(interceptor.name());
            return new Result.Answered(ErrorResponses.forRequest(request.apiKey, request.apiVersion, body,
                    fail.error(), fail.message()), interceptor);
        }
        if (outcome instanceof RequestOutcome.Close close) {
            return new Result.Closed(close.reason(), interceptor);
        }
        return failed(interceptor, new NullPointerException("the hook completed with no outcome"));
    }

    private Result failed(InstalledInterceptor interceptor, Throwable failure) {
        HookFailure answer = hookFailed(connection, interceptor, request.apiKey, failure);
        return new Result.Answered(ErrorResponses.forRequest(request.apiKey, request.apiVersion, body,
                answer.error(), answer.message()), interceptor);
    }
}
