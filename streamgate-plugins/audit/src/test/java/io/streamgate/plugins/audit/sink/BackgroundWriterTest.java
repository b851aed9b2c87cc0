package io.streamgate.plugins.audit.sink;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class BackgroundWriterTest {

    @Test
    void writesEventsInOrderOnItsOwnThread() {
        RecordingSink sink = new RecordingSink(null);
        BackgroundWriter writer = new BackgroundWriter("test-writer", sink, 100, Duration.ofSeconds(5));

        for (int i = 0; i < 50; i++) {
            writer.offer(line("e" + i));
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> sink.lines.size() == 50);
        assertThat(sink.lines).startsWith("e0", "e1", "e2").endsWith("e49");
        assertThat(sink.threads).containsOnly("test-writer");
        writer.close();
        assertThat(sink.closed).isTrue();
    }

    @Test
    void dropsAndCountsEventsWhenTheQueueIsFullWithoutBlocking() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        RecordingSink sink = new RecordingSink(release);
        BackgroundWriter writer = new BackgroundWriter("test-writer", sink, 3, Duration.ofSeconds(5));
        writer.offer(line("held"));
        await().atMost(Duration.ofSeconds(5)).until(() -> sink.writing);

        long start = System.nanoTime();
        int accepted = 0;
        for (int i = 0; i < 10; i++) {
            accepted += writer.offer(line("e" + i)) ? 1 : 0;
        }
        long elapsed = System.nanoTime() - start;

        assertThat(accepted).isEqualTo(3);
        assertThat(writer.dropped()).isEqualTo(7);
        assertThat(elapsed).as("offer never waits").isLessThan(TimeUnit.MILLISECONDS.toNanos(500));
        release.countDown();
        writer.close();
        assertThat(sink.lines).containsExactly("held", "e0", "e1", "e2");
        assertThat(writer.written()).isEqualTo(4);
    }

    @Test
    void writesWhatIsQueuedWhenClosedThenRefusesMore() {
        RecordingSink sink = new RecordingSink(null);
        BackgroundWriter writer = new BackgroundWriter("test-writer", sink, 1000, Duration.ofSeconds(5));
        for (int i = 0; i < 500; i++) {
            writer.offer(line("e" + i));
        }

        writer.close();

        assertThat(sink.lines).hasSize(500);
        assertThat(sink.closed).isTrue();
        assertThat(writer.offer(line("late"))).isFalse();
        assertThat(writer.dropped()).isEqualTo(1);
    }

    @Test
    void countsEventsTheSinkFailsToWriteAndKeepsGoing() {
        FailingOnceSink sink = new FailingOnceSink();
        BackgroundWriter writer = new BackgroundWriter("test-writer", sink, 10, Duration.ofSeconds(5));

        writer.offer(line("lost"));
        await().atMost(Duration.ofSeconds(5)).until(() -> writer.failed() == 1);
        writer.offer(line("kept"));
        writer.close();

        assertThat(sink.lines).containsExactly("kept");
    }

    @Test
    void givesUpOnASinkThatHangsAfterTheCloseTimeout() {
        RecordingSink sink = new RecordingSink(new CountDownLatch(1));
        BackgroundWriter writer = new BackgroundWriter("test-writer", sink, 10, Duration.ofMillis(300));
        writer.offer(line("stuck"));
        await().atMost(Duration.ofSeconds(5)).until(() -> sink.writing);

        long start = System.nanoTime();
        writer.close();

        assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(3));
    }

    private static AuditSink.Line line(String text) {
        return new AuditSink.Line(new byte[0], text.getBytes(StandardCharsets.UTF_8));
    }

    private static final class RecordingSink implements AuditSink {
        final List<String> lines = new CopyOnWriteArrayList<>();
        final List<String> threads = new CopyOnWriteArrayList<>();
        final CountDownLatch release;
        volatile boolean writing;
        volatile boolean closed;

        RecordingSink(CountDownLatch release) {
            this.release = release;
        }

        @Override
        public String describe() {
            return "recording";
        }

        @Override
        public void write(List<Line> batch) throws InterruptedException {
            writing = true;
            if (release != null) {
                release.await();
            }
            threads.add(Thread.currentThread().getName());
            batch.forEach(line -> lines.add(new String(line.json(), StandardCharsets.UTF_8)));
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static final class FailingOnceSink implements AuditSink {
        final List<String> lines = new CopyOnWriteArrayList<>();
        boolean failed;

        @Override
        public String describe() {
            return "failing once";
        }

        @Override
        public void write(List<Line> batch) throws Exception {
            if (!failed) {
                failed = true;
                throw new java.io.IOException("disk full");
            }
            batch.forEach(line -> lines.add(new String(line.json(), StandardCharsets.UTF_8)));
        }

        @Override
        public void close() {
        }
    }
}
