package io.streamgate.core.proxy;

import io.streamgate.api.ResponseOutcome;
import io.streamgate.core.chain.InstalledInterceptor;
import io.streamgate.core.protocol.ErrorResponses;
import org.apache.kafka.common.protocol.ApiMessage;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Runs the response hooks of one response, from the highest priority value to the lowest, and reports the
 * response to send, or that the connection must close. A hook that fails or times out turns the response
 * into an error response ({@link ErrorResponses#poison}), and the hooks after it do not run.
 */
final class ResponseInterception extends HookSequence<ResponseOutcome, ResponseInterception.Result> {

    /** How a response leaves the chain. */
    sealed interface Result {
        record Send(ApiMessage body) implements Result {
        }

        record Closed(String reason, InstalledInterceptor by) implements Result {
        }
    }

    private static final ResponseOutcome FORWARD_UNCHANGED = new ResponseOutcome.Forward(null);

    private final ProxyConnection connection;
    private final InFlightRequest request;
    private ApiMessage body;

    /** @param stages the interceptors whose hooks run, in the order they run */
    ResponseInterception(ProxyConnection connection, InFlightRequest request, List<InstalledInterceptor> stages,
                         ApiMessage body, Consumer<Result> done) {
        super(stages, done);
        this.connection = connection;
        this.request = request;
        this.body = body;
    }

    @Override
    void invoke(InstalledInterceptor interceptor, BiConsumer<ResponseOutcome, Throwable> then) {
        HookContext context = request.contextFor(connection, interceptor);
        HookInvocation.invoke(connection.eventLoop(), interceptor, FORWARD_UNCHANGED, ResponseOutcome.forward(),
                () -> interceptor.responseHook(request.apiKey).onResponse(context, body), then);
    }

    @Override
    Result completed() {
        return new Result.Send(body);
    }

    @Override
    Result apply(InstalledInterceptor interceptor, ResponseOutcome outcome, Throwable failure) {
        if (failure == null && outcome instanceof ResponseOutcome.Forward forward) {
            if (forward.replacement() == null) {
                return null;
            }
            if (forward.replacement().apiKey() == request.apiKey.id) {
                body = forward.replacement();
                return null;
            }
            failure = new IllegalArgumentException("replaced a " + request.apiKey.name
                    + " response with another API's message");
        }
        if (failure == null && outcome instanceof ResponseOutcome.Close close) {
            return new Result.Closed(close.reason(), interceptor);
        }
        if (failure == null) {
            failure = new NullPointerException("the hook completed with no outcome");
        }
        HookFailure answer = hookFailed(connection, interceptor, request.apiKey, failure);
        ErrorResponses.poison(body, answer.error(), answer.message());
        return new Result.Send(body);
    }
}
