package io.streamgate.state.kafka;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppliedOffsetsTest {

    private final AppliedOffsets applied = new AppliedOffsets();

    @Test
    void releasesAWriterOnceItsOffsetIsApplied() throws Exception {
        CompletableFuture<Boolean> writer = CompletableFuture.supplyAsync(() -> await(5, Duration.ofSeconds(10)));

        applied.advanceTo(3);
        assertThat(writer).isNotDone();
        applied.advanceTo(6);

        assertThat(writer.get(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void answersAtOnceForAnOffsetAlreadyApplied() throws Exception {
        applied.advanceTo(10);

        assertThat(applied.awaitAppliedBefore(10, Duration.ofNanos(1))).isTrue();
    }

    @Test
    void neverMovesBackwards() {
        applied.advanceTo(10);
        applied.advanceTo(4);

        assertThat(applied.next()).isEqualTo(10);
    }

    @Test
    void givesUpAfterTheTimeout() throws Exception {
        assertThat(applied.awaitAppliedBefore(1, Duration.ofMillis(20))).isFalse();
    }

    @Test
    void failsWritersWaitingWhenTheStoreCloses() {
        CompletableFuture<Boolean> writer = CompletableFuture.supplyAsync(() -> await(5, Duration.ofSeconds(10)));

        applied.close();

        assertThatThrownBy(() -> writer.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(AppliedOffsets.ClosedException.class);
    }

    private boolean await(long offset, Duration timeout) {
        try {
            return applied.awaitAppliedBefore(offset, timeout);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
