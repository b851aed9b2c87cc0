package io.streamgate.state.table;

import io.streamgate.state.Resource;
import io.streamgate.state.ResourceChange;
import io.streamgate.state.ResourceId;
import io.streamgate.state.ResourceListener;
import io.streamgate.state.Subscription;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * All resources of a store, in memory, and the listeners told about their changes. A building block for
 * {@link io.streamgate.state.ResourceStore} implementations, not for gateway code.
 *
 * <p><b>Thread-safety.</b> Reads ({@link #get}, {@link #list}, {@link #snapshot}) take no lock: they read an
 * immutable view held in a volatile field. {@link #apply} and {@link #subscribe} serialise on one lock; each
 * {@code apply} builds a new view (copying the map, which for a few thousand resources costs microseconds;
 * writes are rare) and publishes it in one step. Listeners are called on the table's own notifier thread, in
 * apply order; {@code subscribe} takes its snapshot under the same lock as {@code apply}, so a subscriber
 * receives exactly the changes its snapshot does not contain.
 *
 * <p><b>Ownership.</b> The store that creates a table closes it, which stops the notifier thread.
 */
public final class ResourceTable implements AutoCloseable {

    private final Object writeLock = new Object();
    private final ChangeNotifier notifier;
    private volatile TableView view;
    /** Copy-on-write, replaced under {@link #writeLock}. */
    private volatile List<ListenerSubscription> listeners = List.of();

    /**
     * @param storeName names the notifier thread, e.g. {@code file} or the topic name
     * @param initial the resources to start with; no listener is told about them
     */
    public ResourceTable(String storeName, Map<ResourceId, Resource> initial) {
        this.notifier = new ChangeNotifier(storeName);
        this.view = TableView.of(initial);
    }

    public Optional<Resource> get(ResourceId id) {
        return Optional.ofNullable(view.byId().get(id));
    }

    /** The resources of {@code kind} ordered by {@link ResourceId} (name, then scope, global first). */
    public List<Resource> list(String kind) {
        return view.byKind().getOrDefault(kind, List.of());
    }

    /** Every resource; immutable. */
    public Map<ResourceId, Resource> snapshot() {
        return view.byId();
    }

    public int size() {
        return view.byId().size();
    }

    /** Registers {@code listener} for every change applied after the returned subscription's snapshot. */
    public Subscription subscribe(ResourceListener listener) {
        Objects.requireNonNull(listener, "listener");
        synchronized (writeLock) {
            ListenerSubscription subscription = new ListenerSubscription(listener, view.byId(), this::unsubscribe);
            List<ListenerSubscription> more = new ArrayList<>(listeners);
            more.add(subscription);
            listeners = List.copyOf(more);
            return subscription;
        }
    }

    /** Applies one write; see {@link #apply(List)}. */
    public Optional<ResourceChange> apply(TableWrite write) {
        List<ResourceChange> changes = apply(List.of(write));
        return changes.isEmpty() ? Optional.empty() : Optional.of(changes.get(0));
    }

    /**
     * Applies writes in order and publishes the result as one new view, then queues the changes for the
     * listeners. A write that changes nothing (an upsert equal to the stored resource, metadata included, or a
     * removal of an absent resource) yields no change.
     *
     * @return the changes made, in order
     */
    public List<ResourceChange> apply(List<TableWrite> writes) {
        synchronized (writeLock) {
            Map<ResourceId, Resource> resources = new HashMap<>(view.byId());
            Set<String> changedKinds = new HashSet<>();
            List<ResourceChange> changes = new ArrayList<>(writes.size());
            for (TableWrite write : writes) {
                ResourceChange change = write instanceof TableWrite.Upsert upsert
                        ? upsert(resources, upsert.resource())
                        : remove(resources, write.id());
                if (change != null) {
                    changes.add(change);
                    changedKinds.add(change.id().kind());
                }
            }
            if (changes.isEmpty()) {
                return List.of();
            }
            view = view.with(resources, changedKinds);
            List<ResourceChange> applied = List.copyOf(changes);
            notifier.publish(applied, listeners);
            return applied;
        }
    }

    private static ResourceChange upsert(Map<ResourceId, Resource> resources, Resource resource) {
        Resource before = resources.put(resource.id(), resource);
        return resource.equals(before) ? null : new ResourceChange.Upserted(before, resource);
    }

    private static ResourceChange remove(Map<ResourceId, Resource> resources, ResourceId id) {
        Resource before = resources.remove(id);
        return before == null ? null : new ResourceChange.Deleted(before);
    }

    private void unsubscribe(ListenerSubscription subscription) {
        synchronized (writeLock) {
            List<ListenerSubscription> fewer = new ArrayList<>(listeners);
            fewer.remove(subscription);
            listeners = List.copyOf(fewer);
        }
    }

    /** Delivers changes already applied (waiting up to 5 s), then stops the notifier thread. */
    @Override
    public void close() {
        notifier.close();
    }
}
