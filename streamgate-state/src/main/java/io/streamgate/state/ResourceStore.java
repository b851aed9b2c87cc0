package io.streamgate.state;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where resources live. Every gateway instance reads its resources from a store and
 * {@linkplain #subscribe subscribes} to it to apply changes live.
 *
 * <p><b>Consistency.</b> All methods are thread-safe. Reads ({@link #get}, {@link #list}, {@link #snapshot})
 * take no lock: they read an immutable view that each change replaces as a whole, so a read never sees half a
 * change. A {@link #put} or {@link #delete} that returns has been applied to this instance's view: a read
 * made afterwards on this instance sees it, or a later change (read-your-writes). Changes become visible to
 * listeners in the order the store applied them, and the listeners of every instance that shares the store
 * see the same order.
 *
 * <p><b>Ownership.</b> Resources are immutable and may be shared freely. Whoever creates a store closes it;
 * closing stops notifications and releases threads, files and connections.
 */
public interface ResourceStore extends AutoCloseable {

    /** Every resource of {@code kind}, ordered by name, then scope (global first); empty for an unknown kind. */
    List<Resource> list(String kind);

    Optional<Resource> get(ResourceId id);

    /**
     * Creates or replaces the resource with the identity of {@code resource}. The revision, time and author in
     * the given metadata are ignored: the store sets them. When the stored resource already has the same
     * labels and spec, nothing is written and the outcome is {@link PutResult.Outcome#UNCHANGED}.
     *
     * <p>The store does not validate specs; callers run a {@link ResourceValidator} first.
     *
     * @param actor who writes, recorded as {@link ResourceMetadata#updatedBy()}: a user name, or
     *     {@code seed:<file>} for the seeder
     * @throws ResourceStoreException when the write could not be made durable
     */
    PutResult put(Resource resource, String actor);

    /**
     * Deletes a resource.
     *
     * @param actor who deletes (kept in logs; a deleted resource has no metadata left to record it in)
     * @return whether there was a resource to delete
     * @throws ResourceStoreException when the delete could not be made durable
     */
    boolean delete(ResourceId id, String actor);

    /**
     * Registers a listener for every change from now on, made through this instance or any other sharing the
     * store. The returned subscription's {@link Subscription#snapshot() snapshot} is the content the first
     * change applies to, taken atomically with the registration, so starting from it loses no change:
     *
     * <pre>{@code
     * Subscription subscription = store.subscribe(change -> chains.apply(change));
     * chains.rebuildFrom(subscription.snapshot());   // changes after the snapshot arrive through the listener
     * }</pre>
     *
     * (Changes may reach the listener, on the store's thread, before the caller has finished reading the
     * snapshot; a listener that must not run before then can queue changes until it has.)
     */
    Subscription subscribe(ResourceListener listener);

    /** Every resource, as one consistent view; immutable. */
    Map<ResourceId, Resource> snapshot();

    /** Stops notifications and releases the store's threads, files and connections. Idempotent. */
    @Override
    void close();
}
