package io.streamgate.core.vcluster;

import io.streamgate.core.auth.AuthenticationFailedException;
import io.streamgate.core.auth.Identity;

/**
 * Which virtual cluster a connection lands in: its service account's, or else its listener's, or else none (the
 * transparent passthrough cluster), unless the gateway requires one. A service account set to one virtual cluster
 * never lands in another through a listener bound to that other one. Thread-safe.
 */
public final class VirtualClusterPlacement {

    private final String listener;
    private final String listenerVirtualCluster;
    private final boolean required;
    private final VirtualClusterDirectory directory;

    /**
     * @param listenerVirtualCluster the virtual cluster the listener is bound to, or null
     * @param required whether a connection in no virtual cluster is refused
     */
    public VirtualClusterPlacement(String listener, String listenerVirtualCluster, boolean required,
                                   VirtualClusterDirectory directory) {
        this.listener = listener;
        this.listenerVirtualCluster = listenerVirtualCluster;
        this.required = required;
        this.directory = directory;
    }

    /** Whether connections of the listener land in a virtual cluster before they authenticate. */
    public boolean boundToVirtualCluster() {
        return listenerVirtualCluster != null;
    }

    /**
     * The virtual cluster an identity lands in, or null for the passthrough cluster.
     *
     * @throws AuthenticationFailedException when it may land nowhere, with a reason that names no secret
     */
    public String place(Identity identity) throws AuthenticationFailedException {
        String own = identity.virtualCluster().orElse(null);
        if (own != null && listenerVirtualCluster != null && !own.equals(listenerVirtualCluster)) {
            throw new AuthenticationFailedException("service account " + identity.serviceAccount().orElse("?")
                    + " belongs to virtual cluster " + own + ", not to virtual cluster " + listenerVirtualCluster
                    + " of listener " + listener);
        }
        String name = own != null ? own : listenerVirtualCluster;
        if (name == null) {
            if (required) {
                throw new AuthenticationFailedException("principal " + identity.principal()
                        + " is in no virtual cluster, and this gateway requires one");
            }
            return null;
        }
        if (directory.tenant(name).isEmpty()) {
            throw new AuthenticationFailedException("virtual cluster " + name + " does not exist");
        }
        return name;
    }
}
