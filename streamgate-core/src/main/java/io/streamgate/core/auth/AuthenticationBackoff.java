package io.streamgate.core.auth;

import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: each failed authentication from a client address makes the next failure answer wait
 * longer (doubling from {@code initial}, bounded by {@code max}); a success, or a quiet {@code forgetAfter}, resets
 * it. Kafka delays failure responses the same way ({@code connection.failed.authentication.delay.ms}), with a fixed
 * delay. Thread-safe: shared by every connection of the gateway.
 */
public final class AuthenticationBackoff {

    /** Addresses remembered at most; beyond it, quiet ones are forgotten first. */
    private static final int MAX_ADDRESSES = 10_000;

    private final long initialMillis;
    private final long maxMillis;
    private final long forgetAfterMillis;
    private final ConcurrentHashMap<InetAddress, Failures> failures = new ConcurrentHashMap<>();

    public AuthenticationBackoff(Duration initial, Duration max, Duration forgetAfter) {
        this.initialMillis = initial.toMillis();
        this.maxMillis = max.toMillis();
        this.forgetAfterMillis = forgetAfter.toMillis();
    }

    public static AuthenticationBackoff defaults() {
        return new AuthenticationBackoff(Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofMinutes(1));
    }

    /** Records a failure from {@code address}; returns how long its answer waits. */
    public long failed(InetAddress address, long nowMillis) {
        if (failures.size() >= MAX_ADDRESSES) {
            failures.values().removeIf(f -> nowMillis - f.lastMillis > forgetAfterMillis);
        }
        Failures updated = failures.compute(address, (a, previous) ->
                previous == null || nowMillis - previous.lastMillis > forgetAfterMillis
                        ? new Failures(1, nowMillis) : new Failures(previous.count + 1, nowMillis));
        int doublings = Math.min(updated.count - 1, 30);
        return Math.min(maxMillis, initialMillis << doublings);
    }

    /** {@code address} proved who it is: its next failure starts from the initial delay again. */
    public void succeeded(InetAddress address) {
        failures.remove(address);
    }

    private record Failures(int count, long lastMillis) {
    }
}
