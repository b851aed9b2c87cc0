/**
 * Per-API mapping of a virtual-cluster connection's requests to the physical cluster (logical names prefixed, topic
 * ids checked, ACLs applied, what the tenant may not reach answered with an error) and of the broker's responses
 * back (names un-prefixed, what belongs to others removed). {@link io.streamgate.core.vcluster.mapping.ApiMappers}
 * says which mapper handles which API; an API without one is refused.
 */
package io.streamgate.core.vcluster.mapping;
