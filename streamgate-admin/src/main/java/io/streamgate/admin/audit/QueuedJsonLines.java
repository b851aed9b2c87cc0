package io.streamgate.admin.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A JSON-lines audit file written by one background thread, for events that happen on event loops: {@link #record}
 * never touches the file, it queues the event. When the queue is full (events faster than the disk), events are
 * dropped and counted rather than slowing the event loops; the count is logged once the writer catches up.
 * {@link #close()} writes what is queued, then stops the writer.
 *
 * @param <E> the events
 */
final class QueuedJsonLines<E> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(QueuedJsonLines.class);
    private static final int CAPACITY = 10_000;

    private final JsonLinesFile lines;
    private final Function<E, Object> toLine;
    private final String what;
    private final BlockingQueue<E> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer;
    private volatile boolean closed;

    /**
     * @param file appended to; created, with its directories, when missing
     * @param logger the logger each line also goes to, at INFO
     * @param thread the writer thread's name
     * @param what what the events are, for log lines ({@code authentication events})
     * @param toLine the object Jackson writes as one line
     */
    QueuedJsonLines(Path file, String logger, String thread, String what, Function<E, Object> toLine) {
        this.lines = new JsonLinesFile(file, logger);
        this.toLine = toLine;
        this.what = what;
        this.writer = new Thread(this::write, thread);
        writer.setDaemon(true);
        writer.start();
    }

    Path file() {
        return lines.file();
    }

    void record(E event) {
        if (closed || !queue.offer(event)) {
            dropped.incrementAndGet();
        }
    }

    private void write() {
        while (!closed || !queue.isEmpty()) {
            try {
                E event = queue.poll(100, TimeUnit.MILLISECONDS);
                if (event != null) {
                    lines.append(toLine.apply(event));
                }
                long lost = dropped.getAndSet(0);
                if (lost > 0) {
                    LOG.warn("{} {} were not written to {}: they came faster than it could be written", lost, what,
                            lines.file());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.error("Cannot write {} to {}: {}", what, lines.file(), e.getMessage());
            }
        }
    }

    /** Writes the queued events, then stops the writer (waiting at most 5 seconds). */
    @Override
    public void close() {
        closed = true;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
