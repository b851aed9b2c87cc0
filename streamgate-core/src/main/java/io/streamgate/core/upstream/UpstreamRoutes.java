package io.streamgate.core.upstream;

import io.streamgate.core.address.ClusterTopology;
import io.streamgate.core.address.HostPort;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turns an {@link UpstreamTarget} into the broker addresses to try, in order. A broker the gateway does not
 * know yet (a client that kept its metadata across a gateway restart, say) triggers a cluster refresh first.
 */
public final class UpstreamRoutes {

    private final List<HostPort> bootstrapServers;
    private final ClusterTopology topology;
    private final UpstreamClusterWatcher watcher;
    private final AtomicInteger nextBootstrap = new AtomicInteger();

    public UpstreamRoutes(List<HostPort> bootstrapServers, ClusterTopology topology, UpstreamClusterWatcher watcher) {
        this.bootstrapServers = List.copyOf(bootstrapServers);
        this.topology = topology;
        this.watcher = watcher;
    }

    /** The addresses to try for {@code target}, first choice first. Fails if a broker cannot be found. */
    public CompletionStage<List<HostPort>> candidates(UpstreamTarget target) {
        if (target instanceof UpstreamTarget.Broker broker) {
            Optional<HostPort> known = topology.upstreamAddress(broker.nodeId());
            if (known.isPresent()) {
                return CompletableFuture.completedFuture(List.of(known.get()));
            }
            return watcher.refreshSoon().thenApply(refreshed -> List.of(topology.upstreamAddress(broker.nodeId())
                    .orElseThrow(() -> new IllegalStateException("broker " + broker.nodeId()
                            + " is not part of the upstream cluster"))));
        }
        // Rotate the starting point so that bootstrap connections spread over the bootstrap servers.
        int start = Math.floorMod(nextBootstrap.getAndIncrement(), bootstrapServers.size());
        List<HostPort> ordered = new ArrayList<>(bootstrapServers.size());
        for (int i = 0; i < bootstrapServers.size(); i++) {
            ordered.add(bootstrapServers.get((start + i) % bootstrapServers.size()));
        }
        return CompletableFuture.completedFuture(ordered);
    }
}
