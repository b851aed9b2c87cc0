package io.streamgate.core.address;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntConsumer;

/**
 * Where each upstream broker really is, as learned from the cluster: from the gateway's own metadata
 * requests and from every Metadata, DescribeCluster and FindCoordinator response that passes through.
 * Thread-safe; read when a connection opens, written when an address is learned.
 */
public final class ClusterTopology {

    private final Map<Integer, HostPort> brokers = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<IntConsumer> newBrokerListeners = new CopyOnWriteArrayList<>();

    /** Records where a broker is; tells listeners if the node id is new. */
    public void learn(int nodeId, HostPort upstreamAddress) {
        HostPort previous = brokers.put(nodeId, upstreamAddress);
        if (previous == null) {
            for (IntConsumer listener : newBrokerListeners) {
                listener.accept(nodeId);
            }
        }
    }

    /** Forgets a broker that has left the cluster. */
    public void forget(int nodeId) {
        brokers.remove(nodeId);
    }

    public Optional<HostPort> upstreamAddress(int nodeId) {
        return Optional.ofNullable(brokers.get(nodeId));
    }

    public Set<Integer> nodeIds() {
        return Set.copyOf(brokers.keySet());
    }

    /** Calls {@code listener} with the node id of every broker learned from now on. */
    public void onNewBroker(IntConsumer listener) {
        newBrokerListeners.add(listener);
    }
}
