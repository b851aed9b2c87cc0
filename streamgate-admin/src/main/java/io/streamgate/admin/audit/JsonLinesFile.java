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
import java.util.Objects;

/**
 * An append-only file of JSON lines, one object per line, each also logged at INFO by the given logger. Lines are
 * never interleaved. A failure to write is logged, not thrown: what the line records has already happened.
 * Thread-safe.
 */
public final class JsonLinesFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Logger log;

    /**
     * @param file appended to; created, with its directories, when missing
     * @param loggerName the logger each line also goes to
     */
    public JsonLinesFile(Path file, String loggerName) {
        this.file = Objects.requireNonNull(file, "file");
        this.log = LoggerFactory.getLogger(loggerName);
    }

    public Path file() {
        return file;
    }

    /** Appends {@code value} as one line of JSON and flushes it. */
    public void append(Object value) {
        String line;
        try {
            line = JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        log.info("{}", line);
        synchronized (this) {
            try {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            } catch (IOException e) {
                log.error("Cannot append to {}: {}", file, e.getMessage());
            }
        }
    }
}
