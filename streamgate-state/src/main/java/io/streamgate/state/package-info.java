/**
 * Declarative resources and the store that keeps them. A {@link io.streamgate.state.Resource} is a
 * document {@code {kind, metadata: {name, scope, labels}, spec}}, identified by a
 * {@link io.streamgate.state.ResourceId} (kind, scope and name). A {@link io.streamgate.state.ResourceStore}
 * lists, reads, writes and deletes them and tells {@link io.streamgate.state.ResourceListener}s about every
 * change. The store is generic: it never looks inside a spec, so a new kind needs no change here; checking a
 * spec is the job of the caller's {@link io.streamgate.state.ResourceValidator}.
 *
 * <p>Implementations: {@link io.streamgate.state.file.FileResourceStore} (one instance, a local file) and
 * {@link io.streamgate.state.kafka.KafkaResourceStore} (many instances sharing a compacted topic).
 */
package io.streamgate.state;
