package io.streamgate.core.proxy;

import io.streamgate.api.ResponseOutcome;
import io.streamgate.core.chain.InstalledInterceptor;
import io.streamgate.core.protocol.ErrorResponses;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;

import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Runs the response hooks of one response, from the highest priority value to the lowest, and reports the
 * response to send, or that the connection must close. A hook that fails or times out turns the response
 * into an error response ({@link ErrorResponses#poison}), and the hooks after it do not run.
 */
final class ResponseInterception {

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
    private final List<InstalledInterceptor> stages;
    private final Consumer<Result> done;
    private ApiMessage body;
    private int index;

    /** @param stages the interceptors whose hooks run, in the order they run */
    ResponseInterception(ProxyConnection connection, InFlightRequest request, List<InstalledInterceptor> stages,
                         ApiMessage body, Consumer<Result> done) {
        this.connection = connection;
        this.request = request;
        this.stages = stages;
        this.body = body;
        this.done = done;
    }

    void run() {
        while (index < stages.size()) {
            InstalledInterceptor interceptor = stages.get(index);
            HookContext context = request.contextFor(connection, interceptor);
            Answer answer = new Answer();
            HookInvocation.invoke(connection.eventLoop(), interceptor, FORWARD_UNCHANGED, ResponseOutcome.forward(),
                    () -> interceptor.responseHook(request.apiKey).onResponse(context, body),
                    (outcome, failure) -> answer.deliver(apply(interceptor, outcome, failure)));
            if (!answer.delivered) {
                answer.later = true;
                return;
            }
            if (answer.result != null) {
                done.accept(answer.result);
                return;
            }
            index++;
        }
        done.accept(new Result.Send(body));
    }

    /** One hook's answer, delivered during the call or later on the event loop. */
    private final class Answer {
        boolean delivered;
        boolean later;
        Result result;

        void deliver(Result answered) {
            delivered = true;
            result = answered;
            if (later) {
                if (answered != null) {
                    done.accept(answered);
                } else {
                    index++;
                    run();
                }
            }
        }
    }

    /** The result that ends the chain, or null to go on. */
    private Result apply(InstalledInterceptor interceptor, ResponseOutcome outcome, Throwable failure) {
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
        boolean timedOut = failure instanceof TimeoutException;
        connection.metrics().interceptorFailed(interceptor.name(), timedOut);
        connection.logInterceptorFailure(interceptor, request.apiKey, failure);
        ErrorResponses.poison(body, timedOut ? Errors.REQUEST_TIMED_OUT : Errors.UNKNOWN_SERVER_ERROR,
                "interceptor " + interceptor.name() + (timedOut ? " timed out: " : " failed: ") + failure.getMessage());
        return new Result.Send(body);
    }
}
