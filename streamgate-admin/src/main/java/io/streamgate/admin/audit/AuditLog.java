package io.streamgate.admin.audit;

import java.nio.file.Path;

/**
 * The record of every change requested through the admin API: one JSON object per line, appended to a file
 * ({@code <dataDir>/admin-audit.log}) and logged at INFO by the logger {@code io.streamgate.admin.audit}. A line
 * is written and flushed before the API answers. Thread-safe: lines are never interleaved.
 */
public final class AuditLog {

    private final JsonLinesFile lines;

    /** @param file appended to; created, with its directories, when missing */
    public AuditLog(Path file) {
        this.lines = new JsonLinesFile(file, "io.streamgate.admin.audit");
    }

    public Path file() {
        return lines.file();
    }

    /**
     * Appends the event. A failure to write is logged, not thrown: the change it records has already happened.
     */
    public void record(AuditEvent event) {
        lines.append(event);
    }
}
