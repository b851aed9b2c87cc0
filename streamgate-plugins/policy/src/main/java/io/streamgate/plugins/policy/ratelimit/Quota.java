package io.streamgate.plugins.policy.ratelimit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One configured limit (say, produce bytes per second), with a {@link TokenBucket} per key, shared by every
 * connection of the interceptor. Looking up an existing key allocates nothing.
 *
 * <p>Keys come from clients (client ids are theirs to choose), so the number of buckets is bounded: past
 * {@link #MAX_KEYS}, full buckets are dropped before adding one (a full bucket is the same as a new one, so this
 * forgets nothing).
 */
final class Quota {

    /** A throttle longer than this would run into clients' request timeouts; the debt is kept, not forgotten. */
    static final long MAX_THROTTLE_MS = 10_000;
    static final int MAX_KEYS = 10_000;

    private final String rule;
    private final long limit;
    private final String unit;
    private final double perSecond;
    private final double capacity;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    /**
     * @param rule the rule's name, as configured
     * @param limit the configured limit, in {@code unit}
     * @param unit what the limit counts, e.g. "bytes per second"
     * @param periodSeconds the period the limit is given for (1 for per second, 60 for per minute); the burst
     *     allowed after a quiet period is one period's worth
     */
    Quota(String rule, long limit, String unit, int periodSeconds, LongSupplier nanoClock) {
        this.rule = rule;
        this.limit = limit;
        this.unit = unit;
        this.perSecond = (double) limit / periodSeconds;
        this.capacity = limit;
        this.nanoClock = nanoClock;
    }

    String rule() {
        return rule;
    }

    /** Records {@code amount} used by {@code key}; returns the throttle time, in milliseconds, 0 when in budget. */
    long record(String key, long amount) {
        long now = nanoClock.getAsLong();
        TokenBucket bucket = buckets.get(key);
        if (bucket == null) {
            bucket = newBucket(key, now);
        }
        return Math.min(MAX_THROTTLE_MS, bucket.take(amount, now));
    }

    private TokenBucket newBucket(String key, long now) {
        if (buckets.size() >= MAX_KEYS) {
            buckets.values().removeIf(idle -> idle.isFull(now));
        }
        return buckets.computeIfAbsent(key, k -> new TokenBucket(perSecond, capacity, now));
    }

    /** The number of keys with a bucket. */
    int keys() {
        return buckets.size();
    }

    /** Says which limit {@code key} went over, for the client and the audit. */
    String describeBreach(String keyKind, String key) {
        return "above " + limit + " " + unit + " for " + keyKind + " '" + key + "'";
    }
}
