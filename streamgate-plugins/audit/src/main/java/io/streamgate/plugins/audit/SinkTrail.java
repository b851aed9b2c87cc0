package io.streamgate.plugins.audit;

import io.streamgate.plugins.audit.event.AuditEvent;
import io.streamgate.plugins.audit.event.AuditEventJson;
import io.streamgate.plugins.audit.sink.AuditSink;
import io.streamgate.plugins.audit.sink.BackgroundWriter;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Serializes each event once, on the caller's thread (a small JSON object), and queues it on every sink's
 * background writer. Thread-safe.
 */
final class SinkTrail implements AuditTrail {

    private final List<BackgroundWriter> writers;

    SinkTrail(List<BackgroundWriter> writers) {
        this.writers = List.copyOf(writers);
    }

    @Override
    public void append(AuditEvent event) {
        AuditSink.Line line = new AuditSink.Line(event.connectionId().getBytes(StandardCharsets.UTF_8),
                AuditEventJson.toJson(event));
        for (BackgroundWriter writer : writers) {
            writer.offer(line);
        }
    }

    @Override
    public long dropped() {
        return writers.stream().mapToLong(BackgroundWriter::dropped).sum();
    }

    /** Closes every writer; each writes what it has queued first (within its close timeout). */
    @Override
    public void close() {
        writers.forEach(BackgroundWriter::close);
    }
}
