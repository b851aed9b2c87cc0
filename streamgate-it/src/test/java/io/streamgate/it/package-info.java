/**
 * Integration tests: the gateway in front of a real three-broker KRaft cluster (separate JVMs), driven by
 * real clients. All test classes share one cluster, {@link io.streamgate.it.ItCluster#KAFKA}; each test
 * uses its own topics and groups.
 */
package io.streamgate.it;
