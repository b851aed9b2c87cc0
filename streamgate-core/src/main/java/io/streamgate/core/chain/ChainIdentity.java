package io.streamgate.core.chain;

import java.util.Set;

/**
 * What selects a connection's interceptors: its virtual cluster, user and groups.
 *
 * @param virtualCluster null when the connection is in no virtual cluster
 * @param username the principal's name
 * @param groups the groups the connection belongs to
 */
public record ChainIdentity(String virtualCluster, String username, Set<String> groups) {

    public ChainIdentity {
        groups = Set.copyOf(groups);
    }
}
