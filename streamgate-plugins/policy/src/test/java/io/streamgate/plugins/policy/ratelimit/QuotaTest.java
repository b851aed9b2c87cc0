package io.streamgate.plugins.policy.ratelimit;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class QuotaTest {

    private final AtomicLong clock = new AtomicLong();

    @Test
    void givesEachKeyABudgetOfItsOwn() {
        Quota quota = new Quota("produceBytesPerSecond", 100, "bytes per second", 1, clock::get);

        assertThat(quota.record("alice", 150)).isEqualTo(500);
        assertThat(quota.record("bob", 100)).isZero();
    }

    @Test
    void aPerMinuteLimitRefillsOverAMinute() {
        Quota quota = new Quota("joinGroupsPerMinute", 6, "requests per minute", 60, clock::get);
        for (int i = 0; i < 6; i++) {
            assertThat(quota.record("alice", 1)).isZero();
        }

        assertThat(quota.record("alice", 1)).isEqualTo(10_000);
        clock.set(10_000_000_000L);
        assertThat(quota.record("alice", 1)).isEqualTo(10_000);
    }

    @Test
    void capsTheThrottleTime() {
        Quota quota = new Quota("produceBytesPerSecond", 1, "bytes per second", 1, clock::get);

        assertThat(quota.record("alice", 1_000_000)).isEqualTo(Quota.MAX_THROTTLE_MS);
    }

    @Test
    void forgetsIdleKeysPastTheMaximumNumberOfKeys() {
        Quota quota = new Quota("produceBytesPerSecond", 100, "bytes per second", 1, clock::get);
        quota.record("busy", 1000);
        for (int i = 0; i < Quota.MAX_KEYS; i++) {
            quota.record("client-" + i, 0);
        }

        assertThat(quota.keys()).isEqualTo(2);
        assertThat(quota.record("busy", 0)).isPositive();
    }
}
