package io.streamgate.state.table;

import io.streamgate.state.Resource;
import io.streamgate.state.ResourceChange;
import io.streamgate.state.ResourceId;
import io.streamgate.state.ResourceListener;
import io.streamgate.state.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.function.Consumer;

/** A registered listener, the snapshot it starts from, and whether it still wants changes. */
final class ListenerSubscription implements Subscription {

    private static final Logger LOG = LoggerFactory.getLogger(ListenerSubscription.class);

    private final ResourceListener listener;
    private final Map<ResourceId, Resource> snapshot;
    private final Consumer<ListenerSubscription> onClose;
    private volatile boolean closed;

    ListenerSubscription(ResourceListener listener, Map<ResourceId, Resource> snapshot,
                         Consumer<ListenerSubscription> onClose) {
        this.listener = listener;
        this.snapshot = snapshot;
        this.onClose = onClose;
    }

    @Override
    public Map<ResourceId, Resource> snapshot() {
        return snapshot;
    }

    void deliver(ResourceChange change) {
        if (closed) {
            return;
        }
        try {
            listener.onChange(change);
        } catch (RuntimeException | Error e) {
            // One failing listener must not starve the others, nor stop its own later changes.
            LOG.error("Resource listener {} failed on a change to {}", listener, change.id(), e);
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            onClose.accept(this);
        }
    }
}
