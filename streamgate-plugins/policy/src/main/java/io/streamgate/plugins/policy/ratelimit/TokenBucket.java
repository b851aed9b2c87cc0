package io.streamgate.plugins.policy.ratelimit;

/**
 * The budget of one key for one quota. Tokens refill at the quota's rate up to a capacity (the burst allowed after
 * a quiet period); a request always takes what it used, so the balance may go negative, and a negative balance is
 * the time the key must wait for it to come back to zero. That is how a broker's quotas work: the request that
 * went over is let through and the client is slowed down afterwards.
 *
 * <p>Thread-safe: the connections of one key take from it on different event loops. The lock is held for a few
 * arithmetic operations only.
 */
final class TokenBucket {

    private final double tokensPerNano;
    private final double capacity;
    private double tokens;
    private long refilledAt;

    TokenBucket(double tokensPerSecond, double capacity, long nowNanos) {
        this.tokensPerNano = tokensPerSecond / 1e9;
        this.capacity = capacity;
        this.tokens = capacity;
        this.refilledAt = nowNanos;
    }

    /** Takes {@code amount} tokens; returns how long, in milliseconds, the key must now wait (0 when in budget). */
    synchronized long take(long amount, long nowNanos) {
        refill(nowNanos);
        tokens -= amount;
        return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / tokensPerNano / 1e6);
    }

    /** Whether the bucket is back to its capacity, i.e. no different from a new one. */
    synchronized boolean isFull(long nowNanos) {
        refill(nowNanos);
        return tokens >= capacity;
    }

    private void refill(long nowNanos) {
        // Threads read the clock before taking the lock, so "now" may be slightly behind the last refill.
        long elapsed = Math.max(0, nowNanos - refilledAt);
        tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
        refilledAt = Math.max(refilledAt, nowNanos);
    }
}
