package io.streamgate.core.proxy;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import io.streamgate.core.chain.InstalledInterceptor;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Calls one hook and hands its outcome, or its failure, to a continuation that always runs on the
 * connection's event loop, exactly once. A hook that has not answered within its interceptor's timeout
 * fails with a {@link TimeoutException}; its late answer is ignored. A hook that answers at once costs no
 * scheduling at all.
 */
final class HookInvocation {

    private HookInvocation() {
    }

    static <O> void invoke(EventLoop eventLoop, InstalledInterceptor interceptor, O immediateForward,
                           CompletionStage<O> sharedForward, Supplier<CompletionStage<O>> hook,
                           BiConsumer<O, Throwable> then) {
        CompletionStage<O> stage;
        try {
            stage = hook.get();
        } catch (RuntimeException | LinkageError e) {
            then.accept(null, e);
            return;
        }
        if (stage == sharedForward) { // the common "forward unchanged" answer, without touching a future
            then.accept(immediateForward, null);
            return;
        }
        if (stage == null) {
            then.accept(null, new NullPointerException("the hook returned null instead of a completion stage"));
            return;
        }
        CompletableFuture<O> future = stage.toCompletableFuture();
        if (future.isDone()) {
            deliver(future, then);
            return;
        }
        boolean[] delivered = {false}; // only touched on the event loop
        ScheduledFuture<?> timer = eventLoop.schedule(() -> {
            if (!delivered[0]) {
                delivered[0] = true;
                then.accept(null, new TimeoutException("no answer within " + interceptor.definition().timeout().toMillis()
                        + " ms"));
            }
        }, interceptor.definition().timeout().toNanos(), TimeUnit.NANOSECONDS);
        future.whenComplete((outcome, failure) -> eventLoop.execute(() -> {
            if (!delivered[0]) {
                delivered[0] = true;
                timer.cancel(false);
                then.accept(outcome, unwrap(failure));
            }
        }));
    }

    private static <O> void deliver(CompletableFuture<O> future, BiConsumer<O, Throwable> then) {
        O outcome;
        try {
            outcome = future.join();
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            then.accept(null, unwrap(e));
            return;
        }
        then.accept(outcome, null);
    }

    static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
