package io.streamgate.core.proxy;

import io.streamgate.api.RequestOutcome;
import io.streamgate.core.chain.InstalledInterceptor;
import io.streamgate.core.protocol.ErrorResponses;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;

import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Runs the request hooks of one request, in ascending priority, one after the other, each possibly
 * asynchronous, and reports how the request ends: forwarded (possibly modified or replaced), answered by the
 * gateway (short-circuit, refusal, or a failed or timed-out hook), or the connection closed.
 */
final class RequestInterception {

    /** How a request leaves the chain. */
    sealed interface Result {
        /** Send {@code body} to the broker. */
        record Forwarded(ApiMessage body) implements Result {
        }

        /** Answer the client with {@code response}, given by the interceptor {@code by} or on its behalf. */
        record Answered(ApiMessage response, InstalledInterceptor by) implements Result {
        }

        /** Close the connection. */
        record Closed(String reason, InstalledInterceptor by) implements Result {
        }
    }

    private final ProxyConnection connection;
    private final InFlightRequest request;
    private final InstalledInterceptor[] stages;
    private final Consumer<Result> done;
    private ApiMessage body;
    private int index;

    RequestInterception(ProxyConnection connection, InFlightRequest request, InstalledInterceptor[] stages,
                        ApiMessage body, Consumer<Result> done) {
        this.connection = connection;
        this.request = request;
        this.stages = stages;
        this.body = body;
        this.done = done;
    }

    void run() {
        while (index < stages.length) {
            InstalledInterceptor interceptor = stages[index];
            HookContext context = request.contextFor(connection, interceptor);
            Answer answer = new Answer();
            HookInvocation.invoke(connection.eventLoop(), interceptor, FORWARD_UNCHANGED,
                    RequestOutcome.forward(),
                    () -> interceptor.requestHook(request.apiKey).onRequest(context, body),
                    (outcome, failure) -> answer.deliver(apply(interceptor, outcome, failure)));
            if (!answer.delivered) {
                answer.later = true; // the hook answers asynchronously; its callback resumes the chain
                return;
            }
            if (answer.result != STILL_GOING) {
                done.accept(answer.result);
                return;
            }
            index++;
        }
        done.accept(new Result.Forwarded(body));
    }

    /** One hook's answer, delivered either during the call (synchronously) or later on the event loop. */
    private final class Answer {
        boolean delivered;
        boolean later;
        Result result;

        void deliver(Result answered) {
            delivered = true;
            result = answered;
            if (later) {
                if (answered != STILL_GOING) {
                    done.accept(answered);
                } else {
                    index++;
                    run();
                }
            }
        }
    }

    private static final RequestOutcome FORWARD_UNCHANGED = new RequestOutcome.Forward(null);

    /** Marks an answer that lets the chain go on. */
    private static final Result STILL_GOING = new Result.Forwarded(null);

    /** The result that ends the chain, {@link #STILL_GOING} to go on, for one hook's answer. */
    private Result apply(InstalledInterceptor interceptor, RequestOutcome outcome, Throwable failure) {
        if (failure != null) {
            return failed(interceptor, failure);
        }
        if (outcome instanceof RequestOutcome.Forward forward) {
            if (forward.replacement() != null) {
                if (forward.replacement().apiKey() != request.apiKey.id) {
                    return failed(interceptor, new IllegalArgumentException("replaced a " + request.apiKey.name
                            + " request with another API's message"));
                }
                body = forward.replacement();
            }
            return STILL_GOING;
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
        boolean timedOut = failure instanceof TimeoutException;
        connection.metrics().interceptorFailed(interceptor.name(), timedOut);
        String message = "interceptor " + interceptor.name() + (timedOut ? " timed out: " : " failed: ")
                + failure.getMessage();
        connection.logInterceptorFailure(interceptor, request.apiKey, failure);
        return new Result.Answered(ErrorResponses.forRequest(request.apiKey, request.apiVersion, body,
                timedOut ? Errors.REQUEST_TIMED_OUT : Errors.UNKNOWN_SERVER_ERROR, message), interceptor);
    }
}
