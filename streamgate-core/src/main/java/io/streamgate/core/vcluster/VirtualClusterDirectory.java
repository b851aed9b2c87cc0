package io.streamgate.core.vcluster;

import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The virtual clusters, their alias topics and ACLs, as the resource store holds them. Reads are answered from
 * memory (they happen on event loops, for every request of a virtual-cluster connection); the store keeps them
 * current. Thread-safe.
 */
public interface VirtualClusterDirectory {

    /** The virtual cluster of that name, as of now; empty when there is none. */
    Optional<Tenant> tenant(String virtualCluster);

    /**
     * Stores new ACL bindings of a virtual cluster (a {@code CreateAcls} of its super user); completes once they are
     * stored, so that every gateway instance enforces them. Completes on any thread.
     *
     * @param actor who asks, for the audit
     */
    CompletionStage<Void> createAcls(String virtualCluster, List<AclBinding> bindings, String actor);

    /**
     * Deletes the ACL bindings of a virtual cluster that match {@code filter}; completes with those deleted. Completes
     * on any thread.
     */
    CompletionStage<List<AclBinding>> deleteAcls(String virtualCluster, AclBindingFilter filter, String actor);

    /** No virtual clusters: every connection that is not bound to one uses the passthrough cluster. */
    VirtualClusterDirectory EMPTY = new VirtualClusterDirectory() {
        @Override
        public Optional<Tenant> tenant(String virtualCluster) {
            return Optional.empty();
        }

        @Override
        public CompletionStage<Void> createAcls(String virtualCluster, List<AclBinding> bindings, String actor) {
            return CompletableFuture.failedFuture(new IllegalStateException("no virtual cluster " + virtualCluster));
        }

        @Override
        public CompletionStage<List<AclBinding>> deleteAcls(String virtualCluster, AclBindingFilter filter,
                                                            String actor) {
            return CompletableFuture.failedFuture(new IllegalStateException("no virtual cluster " + virtualCluster));
        }
    };
}
