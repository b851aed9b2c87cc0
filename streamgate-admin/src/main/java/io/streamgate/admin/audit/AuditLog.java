package io.streamgate.admin.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The record of every change requested through the admin API: one JSON object per line, appended to a file
 * ({@code <dataDir>/admin-audit.log}) and logged at INFO by the logger {@code io.streamgate.admin.audit}. A line
 * is written and flushed before the API answers. Thread-safe: lines are never interleaved.
 */
public final class AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger("io.streamgate.admin.audit");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    /** @param file appended to; created, with its directories, when missing */
    public AuditLog(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /**
     * Appends the event. A failure to write is logged, not thrown: the change it records has already happened.
     */
    public void record(AuditEvent event) {
        String line;
        try {
            line = JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        LOG.info("{}", line);
        synchronized (this) {
            try {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            } catch (IOException e) {
                LOG.error("Cannot append to the admin audit log {}: {}", file, e.getMessage());
            }
        }
    }
}
