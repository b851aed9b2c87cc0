package io.streamgate.plugins.audit.sink;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Appends events to a JSON-lines file (one JSON object per line, UTF-8), creating the file and its
 * directories on the first event. Each batch is flushed to the operating system when written.
 */
public final class FileSink implements AuditSink {

    private final Path path;
    private OutputStream out;

    public FileSink(Path path) {
        this.path = path;
    }

    @Override
    public String describe() {
        return "file " + path;
    }

    @Override
    public void write(List<Line> lines) throws IOException {
        if (out == null) {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            out = new BufferedOutputStream(Files.newOutputStream(path, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE));
        }
        for (Line line : lines) {
            out.write(line.json());
            out.write('\n');
        }
        out.flush();
    }

    @Override
    public void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
