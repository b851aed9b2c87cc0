package io.streamgate.plugins.policy.ratelimit;

import io.streamgate.api.ConnectionHook;
import io.streamgate.api.ConnectionOutcome;
import io.streamgate.api.InterceptorContext;
import io.streamgate.api.PolicyAction;
import io.streamgate.api.PolicyViolation;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rule {@code connectionsPerSecond}: new connections per key, counted once per connection, when it starts (its first
 * request, once authenticated, so that the principal is known). Over the limit, THROTTLE accepts the connection after
 * the throttle time, as a broker's connection-rate quota (KIP-612) delays accepting connections: its requests wait
 * meanwhile. BLOCK closes it. Either way the violation is reported. Thread-safe: the buckets are the {@link Quota}'s,
 * the per-connection mark is in the connection's attributes.
 */
final class ConnectionRateLimit implements ConnectionHook {

    private static final AtomicLong INSTANCES = new AtomicLong();
    private static final ConnectionOutcome ACCEPT = new ConnectionOutcome.Accept(null);

    private final QuotaKey key;
    private final Quota quota;
    private final PolicyAction action;
    /** Marks a connection already counted; the hook runs again when the chain or the client id changes. */
    private final String counted = RateLimitPlugin.ID + ".connectionCounted." + INSTANCES.incrementAndGet();

    ConnectionRateLimit(QuotaKey key, Quota quota, PolicyAction action) {
        this.key = key;
        this.quota = quota;
        this.action = action;
    }

    @Override
    public CompletionStage<ConnectionOutcome> onConnection(InterceptorContext context) {
        if (context.connection().attributes().putIfAbsent(counted, Boolean.TRUE) != null) {
            return ConnectionOutcome.accept();
        }
        String keyValue = key.of(context.connection());
        long throttleMs = quota.record(keyValue, 1);
        if (throttleMs == 0) {
            return ConnectionOutcome.accept();
        }
        String consequence = action == PolicyAction.BLOCK ? "closed, retry in " : "accepted after ";
        String message = "connection rate " + quota.describeBreach(key.description(), keyValue) + ": " + consequence
                + throttleMs + " ms (rule " + quota.rule() + ", interceptor " + context.interceptorName() + ")";
        context.reportViolation(new PolicyViolation(quota.rule(), action, null, throttleMs + " ms", message));
        if (action == PolicyAction.BLOCK) {
            return ConnectionOutcome.close(message);
        }
        CompletableFuture<ConnectionOutcome> accepted = new CompletableFuture<>();
        context.schedule(Duration.ofMillis(throttleMs), () -> accepted.complete(ACCEPT));
        return accepted;
    }
}
