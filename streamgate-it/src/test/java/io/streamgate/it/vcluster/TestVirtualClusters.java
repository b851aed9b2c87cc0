package io.streamgate.it.vcluster;

import io.streamgate.core.GatewayConfig;
import io.streamgate.core.acl.TenantAcls;
import io.streamgate.core.vcluster.AliasTopic;
import io.streamgate.core.vcluster.Tenant;
import io.streamgate.core.vcluster.TenantNamespace;
import io.streamgate.core.vcluster.VirtualCluster;
import io.streamgate.core.vcluster.VirtualClusterDirectory;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-memory {@link VirtualClusterDirectory} for tests that run the engine without the resource store (the store-backed
 * one is tested with the whole application).
 */
public final class TestVirtualClusters implements VirtualClusterDirectory {

    private final Map<String, VirtualCluster> clusters = new ConcurrentHashMap<>();
    private final List<AliasTopic> aliases = new CopyOnWriteArrayList<>();
    private final Map<String, List<AclBinding>> acls = new ConcurrentHashMap<>();

    /**
     * A listener like {@code config}'s default one, named after {@code virtualCluster}, that lands every connection in
     * it: bootstrap at {@code port}, broker ports right after it (for up to {@code maxBrokers}).
     */
    public static GatewayConfig.ListenerConfig tenantListener(GatewayConfig config, String virtualCluster, int port,
                                                              int maxBrokers) {
        return config.listener().withName(virtualCluster).withBootstrapPort(port).withBrokerPortBase(0)
                .withMaxBrokers(maxBrokers).withVirtualCluster(virtualCluster);
    }

    /** A virtual cluster with the default prefix, no ACLs, writable. */
    public TestVirtualClusters add(String name) {
        return add(new VirtualCluster(name, VirtualCluster.defaultPrefix(name), false, Set.of(), false));
    }

    public TestVirtualClusters add(VirtualCluster cluster) {
        clusters.put(cluster.name(), cluster);
        return this;
    }

    public TestVirtualClusters alias(AliasTopic alias) {
        aliases.add(alias);
        return this;
    }

    @Override
    public Optional<Tenant> tenant(String virtualCluster) {
        VirtualCluster cluster = clusters.get(virtualCluster);
        if (cluster == null) {
            return Optional.empty();
        }
        List<AliasTopic> own = aliases.stream().filter(a -> a.virtualCluster().equals(virtualCluster)).toList();
        return Optional.of(new Tenant(cluster, new TenantNamespace(cluster.prefix(), own),
                TenantAcls.of(acls.getOrDefault(virtualCluster, List.of()))));
    }

    @Override
    public CompletionStage<Void> createAcls(String virtualCluster, List<AclBinding> bindings, String actor) {
        acls.computeIfAbsent(virtualCluster, name -> new CopyOnWriteArrayList<>()).addAll(bindings);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<List<AclBinding>> deleteAcls(String virtualCluster, AclBindingFilter filter, String actor) {
        List<AclBinding> deleted = new ArrayList<>();
        List<AclBinding> bindings = acls.getOrDefault(virtualCluster, List.of());
        for (AclBinding binding : bindings) {
            if (filter.matches(binding)) {
                deleted.add(binding);
            }
        }
        bindings.removeAll(deleted);
        return CompletableFuture.completedFuture(deleted);
    }
}
