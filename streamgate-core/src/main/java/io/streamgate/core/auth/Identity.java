package io.streamgate.core.auth;

import io.streamgate.api.ConnectionInfo;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who an authenticated connection belongs to.
 *
 * @param principal the authenticated name: a local service account's name, a JWT subject, a mapped certificate
 *     subject, or the name the broker accepted in delegated authentication
 * @param serviceAccount the gateway service account this principal is, when one is defined
 * @param groups the {@code Group} resources this identity belongs to, by name
 * @param virtualCluster the virtual cluster the service account is set to, if any
 */
public record Identity(String principal, Optional<String> serviceAccount, Set<String> groups,
                       Optional<String> virtualCluster) {

    /** A connection that has not authenticated (or whose listener needs no authentication). */
    public static final Identity ANONYMOUS = new Identity(ConnectionInfo.ANONYMOUS, Optional.empty(), Set.of());

    public Identity {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(serviceAccount, "serviceAccount");
        Objects.requireNonNull(virtualCluster, "virtualCluster");
        groups = Set.copyOf(groups);
    }

    /** An identity whose service account, if any, is in no virtual cluster. */
    public Identity(String principal, Optional<String> serviceAccount, Set<String> groups) {
        this(principal, serviceAccount, groups, Optional.empty());
    }
}
