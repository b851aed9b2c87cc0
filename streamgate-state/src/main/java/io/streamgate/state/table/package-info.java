/**
 * The in-memory half of every store: {@link io.streamgate.state.table.ResourceTable}, an immutable view of
 * all resources that each batch of writes replaces as a whole (so reads take no lock and never see half a
 * change), and the listeners it notifies, in order, from one thread. Store implementations own a table and
 * decide when a write is durable enough to apply to it.
 */
package io.streamgate.state.table;
