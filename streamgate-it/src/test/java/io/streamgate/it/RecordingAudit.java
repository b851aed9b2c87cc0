package io.streamgate.it;

import io.streamgate.core.auth.AuthenticationAudit;
import io.streamgate.core.auth.AuthenticationEvent;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** An {@link AuthenticationAudit} that keeps every event, for tests to look at. */
final class RecordingAudit implements AuthenticationAudit {

    private final ConcurrentLinkedQueue<AuthenticationEvent> events = new ConcurrentLinkedQueue<>();

    @Override
    public void record(AuthenticationEvent event) {
        events.add(event);
    }

    List<AuthenticationEvent> events() {
        return List.copyOf(events);
    }
}
