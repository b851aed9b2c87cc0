package io.streamgate.plugins.audit.sink;

import java.util.List;

/**
 * A destination for audit events. Only ever called from its {@link BackgroundWriter}'s thread, so it may
 * block and needs no locking.
 */
public interface AuditSink extends AutoCloseable {

    /** One serialized event: a key (for the topic sink's partitioning) and a line of JSON. */
    record Line(byte[] key, byte[] json) {
    }

    /** A short description for logs, e.g. {@code file /var/audit.jsonl}. */
    String describe();

    /** Writes {@code lines}, in order. A failure is logged by the writer and the lines are lost. */
    void write(List<Line> lines) throws Exception;

    /** Releases what the sink holds, after writing what it buffered. */
    @Override
    void close();
}
