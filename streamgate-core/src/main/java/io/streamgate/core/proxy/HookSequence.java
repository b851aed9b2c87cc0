package io.streamgate.core.proxy;

import io.streamgate.core.chain.InstalledInterceptor;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;

import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Runs the hooks of one request or response one after the other, each possibly asynchronous, until one ends the
 * sequence or all have run. A hook that answers at once is followed by the next in the same loop; one that answers
 * later resumes the sequence from its continuation, on the connection's event loop.
 *
 * @param <O> the hooks' outcome type
 * @param <R> how the sequence ends
 */
abstract class HookSequence<O, R> {

    private final List<InstalledInterceptor> stages;
    private final Consumer<R> done;
    private int index;

    /** @param stages the interceptors whose hooks run, in the order they run */
    HookSequence(List<InstalledInterceptor> stages, Consumer<R> done) {
        this.stages = stages;
        this.done = done;
    }

    /** Calls {@code interceptor}'s hook and hands its outcome or failure to {@code then}, exactly once. */
    abstract void invoke(InstalledInterceptor interceptor, BiConsumer<O, Throwable> then);

    /** What one hook's answer means: the end of the sequence, or null to go on with the next hook. */
    abstract R apply(InstalledInterceptor interceptor, O outcome, Throwable failure);

    /** The end of a sequence whose hooks all let it go on. */
    abstract R completed();

    final void run() {
        while (index < stages.size()) {
            InstalledInterceptor interceptor = stages.get(index);
            Answer answer = new Answer();
            invoke(interceptor, (outcome, failure) -> answer.deliver(apply(interceptor, outcome, failure)));
            if (!answer.delivered) {
                answer.later = true; // the hook answers asynchronously; its continuation resumes the sequence
                return;
            }
            if (answer.result != null) {
                done.accept(answer.result);
                return;
            }
            index++;
        }
        done.accept(completed());
    }

    /**
     * Counts and logs a hook that failed or timed out, and returns the error to answer with and its message.
     */
    static HookFailure hookFailed(ProxyConnection connection, InstalledInterceptor interceptor, ApiKeys apiKey,
                                  Throwable failure) {
        boolean timedOut = failure instanceof TimeoutException;
        connection.metrics().interceptorFailed(interceptor.name(), timedOut);
        connection.logInterceptorFailure(interceptor, apiKey, failure);
        return new HookFailure(timedOut ? Errors.REQUEST_TIMED_OUT : Errors.UNKNOWN_SERVER_ERROR,
                "interceptor " + interceptor.name() + (timedOut ? " timed out: " : " failed: ") + failure.getMessage());
    }

    /** The Kafka error a failed hook turns into, and its message. */
    record HookFailure(Errors error, String message) {
    }

    /** One hook's answer, delivered either during the call (synchronously) or later on the event loop. */
    private final class Answer {
        boolean delivered;
        boolean later;
        R result;

        void deliver(R answered) {
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
}
