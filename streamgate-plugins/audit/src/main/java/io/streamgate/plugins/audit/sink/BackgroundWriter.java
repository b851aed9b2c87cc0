package io.streamgate.plugins.audit.sink;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Feeds one {@link AuditSink} from one thread of its own, through a bounded queue. {@link #offer} never
 * blocks: when the queue is full (the sink is slower than the traffic, or down) the event is dropped and
 * counted, and the thread logs the count. Thread-safe.
 */
public final class BackgroundWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundWriter.class);
    private static final int MAX_BATCH = 512;
    private static final long POLL_MILLIS = 200;
    private static final long LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final AuditSink sink;
    private final BlockingQueue<AuditSink.Line> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Thread thread;
    private final Duration closeTimeout;
    private volatile boolean closing;
    private long droppedLogged;
    private long dropsLoggedAt;
    private long failureLoggedAt;
    private boolean failureLogged;

    /**
     * Starts the writer thread.
     *
     * @param capacity how many events may wait
     * @param closeTimeout how long {@link #close()} waits for queued events to be written
     */
    public BackgroundWriter(String threadName, AuditSink sink, int capacity, Duration closeTimeout) {
        this.sink = sink;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.closeTimeout = closeTimeout;
        this.thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues {@code line}; false (and counted as dropped) when the queue is full or the writer closed. */
    public boolean offer(AuditSink.Line line) {
        if (closing || !queue.offer(line)) {
            dropped.incrementAndGet();
            return false;
        }
        return true;
    }

    /** Events dropped because the queue was full or the writer closed. */
    public long dropped() {
        return dropped.get();
    }

    /** Events handed to the sink without an error. */
    public long written() {
        return written.get();
    }

    /** Events the sink failed to write. */
    public long failed() {
        return failed.get();
    }

    private void run() {
        List<AuditSink.Line> batch = new ArrayList<>();
        try {
            while (!closing || !queue.isEmpty()) {
                AuditSink.Line first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, MAX_BATCH - 1);
                    write(batch);
                    batch.clear();
                }
                logDrops(false);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            logDrops(true);
            try {
                sink.close();
            } catch (RuntimeException e) {
                LOG.warn("Audit sink {} failed to close: {}", sink.describe(), e.toString());
            }
        }
    }

    private void write(List<AuditSink.Line> batch) {
        try {
            sink.write(batch);
            written.addAndGet(batch.size());
        } catch (Exception e) {
            long total = failed.addAndGet(batch.size());
            long now = System.nanoTime();
            if (!failureLogged || now - failureLoggedAt > LOG_INTERVAL_NANOS) {
                LOG.warn("Audit sink {} failed to write {} event(s) ({} so far): {}", sink.describe(), batch.size(),
                        total, e.toString());
                failureLogged = true;
                failureLoggedAt = now;
            }
        }
    }

    /** Logs the drop count when it changed, at most every ten seconds unless {@code last}. */
    private void logDrops(boolean last) {
        long count = dropped.get();
        long now = System.nanoTime();
        if (count != droppedLogged && (last || droppedLogged == 0 || now - dropsLoggedAt > LOG_INTERVAL_NANOS)) {
            LOG.warn("Audit sink {} is behind: {} event(s) dropped so far (queue full)", sink.describe(), count);
            droppedLogged = count;
            dropsLoggedAt = now;
        }
    }

    /**
     * Stops taking events, writes those queued (waiting up to the close timeout), then closes the sink. What
     * is still queued after the timeout is lost.
     */
    @Override
    public void close() {
        closing = true;
        try {
            thread.join(closeTimeout.toMillis());
            if (thread.isAlive()) {
                thread.interrupt();
                LOG.warn("Audit sink {} did not finish within {}; {} queued event(s) lost", sink.describe(),
                        closeTimeout, queue.size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
