package io.streamgate.core.address;

import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The deterministic node-id-to-port rule: broker {@code n} gets port {@code basePort + (n - minNodeId)}.
 * Every gateway instance configured alike computes the same ports, so instances behind a load balancer and
 * restarted instances agree without talking to each other.
 *
 * <p>When {@code minNodeId} is not configured it is fixed by the first node ids the gateway learns, and stays
 * fixed for the life of the process, so a port never changes meaning while clients hold it.
 */
public final class BrokerPortMapping {

    private static final int UNSET = Integer.MIN_VALUE;

    private final int basePort;
    private final int maxBrokers;
    private final AtomicInteger minNodeId;

    public BrokerPortMapping(int basePort, OptionalInt minNodeId, int maxBrokers) {
        this.basePort = basePort;
        this.maxBrokers = maxBrokers;
        this.minNodeId = new AtomicInteger(minNodeId.orElse(UNSET));
    }

    /** Fixes {@code minNodeId} from the node ids of a first cluster view, unless already fixed. */
    public void anchor(Iterable<Integer> nodeIds) {
        int lowest = Integer.MAX_VALUE;
        for (int nodeId : nodeIds) {
            lowest = Math.min(lowest, nodeId);
        }
        if (lowest != Integer.MAX_VALUE) {
            minNodeId.compareAndSet(UNSET, lowest);
        }
    }

    /**
     * The port for {@code nodeId}, or empty if it falls outside {@code [minNodeId, minNodeId + maxBrokers)} or
     * the mapping has not been {@linkplain #anchor anchored} yet.
     */
    public OptionalInt portFor(int nodeId) {
        int min = minNodeId.get();
        long offset = (long) nodeId - min;
        if (min == UNSET || offset < 0 || offset >= maxBrokers || basePort + offset > 65535) {
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) (basePort + offset));
    }

    /** The node whose port this is, or empty. */
    public OptionalInt nodeFor(int port) {
        int min = minNodeId.get();
        int offset = port - basePort;
        if (min == UNSET || offset < 0 || offset >= maxBrokers) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(min + offset);
    }
}
