package io.streamgate.state;

/**
 * Told about every change to a store after it {@linkplain ResourceStore#subscribe subscribed}, one change at a
 * time, in the order the store applied them, on a thread the store owns. The store calls all its listeners
 * from that one thread, so a listener should return quickly and hand slow work (building an interceptor
 * chain, say) to a thread of its own. An exception thrown by a listener is logged and does not stop later
 * changes from being delivered to it or to others.
 */
@FunctionalInterface
public interface ResourceListener {

    void onChange(ResourceChange change);
}
