package io.streamgate.admin.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.streamgate.core.auth.AuthenticationAudit;
import io.streamgate.core.auth.AuthenticationEvent;

import java.nio.file.Path;

/**
 * The record of every client authentication attempt: one JSON object per line in {@code <dataDir>/auth-audit.log}
 * ({@code time, listener, clientAddress, mechanism, principal, succeeded, reason}), also logged at INFO by the
 * logger {@code io.streamgate.auth.audit}. Events carry no secret ({@link AuthenticationEvent}).
 *
 * <p>{@link #record} is called on event loops, so it only queues the event for a background writer
 * ({@link QueuedJsonLines}): a flood of failed attempts faster than the disk is dropped and counted, never slows the
 * event loops.
 */
public final class AuthenticationAuditLog implements AuthenticationAudit, AutoCloseable {

    /** The file name, in the data directory. */
    public static final String FILE_NAME = "auth-audit.log";

    private final QueuedJsonLines<AuthenticationEvent> lines;

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
        this.lines = new QueuedJsonLines<>(file, "io.streamgate.auth.audit", "streamgate-auth-audit",
                "authentication events", Line::of);
    }

    public Path file() {
        return lines.file();
    }

    @Override
    public void record(AuthenticationEvent event) {
        lines.record(event);
    }

    /** Writes the queued events, then stops the writer (waiting at most 5 seconds). */
    @Override
    public void close() {
        lines.close();
    }
}
