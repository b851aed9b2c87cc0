package io.streamgate.plugins.audit;

import io.streamgate.plugins.audit.event.AuditEvent;

/** Where an audit interceptor hands its events; must return at once. */
interface AuditTrail extends AutoCloseable {

    /** Hands {@code event} on to every sink, or counts it as dropped; never blocks. */
    void append(AuditEvent event);

    /** Events dropped so far, added up over the sinks. */
    long dropped();

    @Override
    void close();
}
