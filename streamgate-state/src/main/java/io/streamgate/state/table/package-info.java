/**
 * The in-memory half of every store: {@link io.streamgate.state.table.ResourceTable}, an immutable view of
 * all resources that each batch of writes replaces as a whole (so reads take no lock and never see half a
 * change), and the listeners it notifies, in order, from one thread; and
 * {@link io.streamgate.state.table.TableBackedStore}, the reads and revisioned writes every store shares, leaving
 * each implementation to say how a write is made durable before it is applied to the table.
 */
package io.streamgate.state.table;
