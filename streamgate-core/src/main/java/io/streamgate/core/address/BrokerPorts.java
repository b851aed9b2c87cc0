package io.streamgate.core.address;

import java.util.Collection;
import java.util.OptionalInt;
import java.util.concurrent.CompletionStage;

/** The gateway ports that stand for upstream brokers. Thread-safe. */
public interface BrokerPorts {

    /**
     * Fixes the port numbering from the node ids of a cluster view, if not fixed yet; a no-op afterwards.
     * Called before {@link #portFor} with every node id a response lists, so that the lowest id anchors it.
     */
    void anchor(Collection<Integer> nodeIds);

    /** The gateway port for a broker, or empty if the node id falls outside the mapped range. */
    OptionalInt portFor(int nodeId);

    /**
     * Makes sure the broker's port is listening. Completes at once when it already is; otherwise when the
     * port is bound, so that a client told about a new broker can connect to it straight away.
     */
    CompletionStage<Void> ensureListening(int nodeId);
}
