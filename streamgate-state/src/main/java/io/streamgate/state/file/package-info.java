/**
 * The single-instance store: {@link io.streamgate.state.file.FileResourceStore} keeps every resource in one
 * JSON file under the gateway's data directory, replaced atomically on every write.
 */
package io.streamgate.state.file;
