package io.streamgate.admin.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.streamgate.core.auth.AuthenticationAudit;
import io.streamgate.core.auth.AuthenticationEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The record of every client authentication attempt: one JSON object per line in {@code <dataDir>/auth-audit.log}
 * ({@code time, listener, clientAddress, mechanism, principal, succeeded, reason}), also logged at INFO by the
 * logger {@code io.streamgate.auth.audit}. Events carry no secret ({@link AuthenticationEvent}).
 *
 * <p>{@link #record} is called on event loops, so it never touches the file: it queues the event for one background
 * writer thread. When the queue is full (a flood of failed attempts faster than the disk), events are dropped and
 * counted rather than slowing the event loops; the count is logged once the writer catches up. {@link #close()}
 * writes what is queued, then stops the writer.
 */
public final class AuthenticationAuditLog implements AuthenticationAudit, AutoCloseable {

    /** The file name, in the data directory. */
    public static final String FILE_NAME = "auth-audit.log";

    private static final Logger LOG = LoggerFactory.getLogger(AuthenticationAuditLog.class);
    private static final int CAPACITY = 10_000;

    private final JsonLinesFile lines;
    private final BlockingQueue<AuthenticationEvent> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer;
    private volatile boolean closed;

    /** One line of the file: the event with its time as ISO-8601 text. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"time", "listener", "clientAddress", "mechanism", "principal", "succeeded", "reason"})
    record Line(String time, String listener, String clientAddress, String mechanism, String principal,
                boolean succeeded, String reason) {

        static Line of(AuthenticationEvent event) {
            return new Line(String.valueOf(event.time()), event.listener(), event.clientAddress(), event.mechanism(),
                    event.principal(), event.succeeded(), event.reason());
        }
    }

    /** @param file appended to; created, with its directories, when missing */
    public AuthenticationAuditLog(Path file) {
        this.lines = new JsonLinesFile(file, "io.streamgate.auth.audit");
        this.writer = new Thread(this::write, "streamgate-auth-audit");
        writer.setDaemon(true);
        writer.start();
    }

    public Path file() {
        return lines.file();
    }

    @Override
    public void record(AuthenticationEvent event) {
        if (closed || !queue.offer(event)) {
            dropped.incrementAndGet();
        }
    }

    private void write() {
        while (!closed || !queue.isEmpty()) {
            try {
                AuthenticationEvent event = queue.poll(100, TimeUnit.MILLISECONDS);
                if (event != null) {
                    lines.append(Line.of(event));
                }
                long lost = dropped.getAndSet(0);
                if (lost > 0) {
                    LOG.warn("{} authentication events were not written to {}: they came faster than it could be "
                            + "written", lost, lines.file());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.error("Cannot write an authentication event to {}: {}", lines.file(), e.getMessage());
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
