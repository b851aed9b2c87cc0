package io.streamgate.plugins.policy.ratelimit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void allowsItsCapacityAtOnceThenAsksToWaitForTheDebt() {
        TokenBucket bucket = new TokenBucket(1000, 1000, 0);

        assertThat(bucket.take(1000, 0)).isZero();
        assertThat(bucket.take(500, 0)).isEqualTo(500);
        assertThat(bucket.take(500, 0)).isEqualTo(1000);
    }

    @Test
    void refillsAtItsRateUpToItsCapacity() {
        TokenBucket bucket = new TokenBucket(1000, 1000, 0);
        bucket.take(1500, 0);

        assertThat(bucket.take(0, SECOND / 4)).isEqualTo(250);
        assertThat(bucket.isFull(SECOND)).isFalse();
        assertThat(bucket.isFull(3 * SECOND / 2)).isTrue();
        assertThat(bucket.take(1000, 100 * SECOND)).isZero();
        assertThat(bucket.take(1, 100 * SECOND)).isEqualTo(1);
    }

    @Test
    void ignoresAClockReadBeforeTheLastRefill() {
        TokenBucket bucket = new TokenBucket(1000, 1000, SECOND);

        assertThat(bucket.take(1000, SECOND - 5)).isZero();
        assertThat(bucket.take(1000, SECOND)).isEqualTo(1000);
    }
}
