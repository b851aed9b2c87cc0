package io.streamgate.core.vcluster.mapping;

import io.streamgate.core.vcluster.Tenant;
import io.streamgate.core.vcluster.VirtualClusterDirectory;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A {@link VirtualClusterDirectory} for the ACL mappers' tests: records every ACL write, keeps the bindings in a list,
 * and completes each write when {@link #store} does (at once unless a test replaces it).
 */
final class RecordingDirectory implements VirtualClusterDirectory {

    record CreateAcls(String virtualCluster, List<AclBinding> bindings, String actor) {
    }

    record DeleteAcls(String virtualCluster, AclBindingFilter filter, String actor) {
    }

    final List<CreateAcls> creations = new ArrayList<>();
    final List<DeleteAcls> deletions = new ArrayList<>();
    final List<AclBinding> stored = new ArrayList<>();
    /** What every write waits for; a test may make it pending, or failed. */
    CompletableFuture<Void> store = CompletableFuture.completedFuture(null);

    RecordingDirectory(List<AclBinding> initial) {
        stored.addAll(initial);
    }

    @Override
    public Optional<Tenant> tenant(String virtualCluster) {
        return Optional.empty();
    }

    @Override
    public CompletionStage<Void> createAcls(String virtualCluster, List<AclBinding> bindings, String actor) {
        creations.add(new CreateAcls(virtualCluster, List.copyOf(bindings), actor));
        return store.thenRun(() -> stored.addAll(bindings));
    }

    @Override
    public CompletionStage<List<AclBinding>> deleteAcls(String virtualCluster, AclBindingFilter filter,
                                                        String actor) {
        deletions.add(new DeleteAcls(virtualCluster, filter, actor));
        return store.thenApply(done -> {
            List<AclBinding> deleted = stored.stream().filter(filter::matches).toList();
            stored.removeAll(deleted);
            return deleted;
        });
    }
}
