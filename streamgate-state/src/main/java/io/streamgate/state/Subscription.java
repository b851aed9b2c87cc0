package io.streamgate.state;

import java.util.Map;

/**
 * A listener's registration with a store, and the state it starts from.
 *
 * <p>{@link #snapshot()} is the store's content at the moment of registration, taken atomically with it: the
 * listener is told about every change after that snapshot and about none that it already contains. A
 * subscriber that builds its view from the snapshot and then applies each change in turn therefore never
 * misses nor double-applies a change. Thread-safe.
 */
public interface Subscription extends AutoCloseable {

    /** The store's content when the listener was registered; immutable. */
    Map<ResourceId, Resource> snapshot();

    /** Stops notifications; changes not yet delivered are dropped. Idempotent. */
    @Override
    void close();
}
