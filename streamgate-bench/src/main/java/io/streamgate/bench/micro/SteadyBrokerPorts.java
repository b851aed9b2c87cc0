package io.streamgate.bench.micro;

import io.streamgate.core.address.BrokerPortMapping;
import io.streamgate.core.address.BrokerPorts;

import java.util.Collection;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Broker ports as the listener has them once the gateway has run a while: the real port mapping, and every broker's
 * port already listening (looked up the way {@code KafkaListener} does, binding nothing).
 */
final class SteadyBrokerPorts implements BrokerPorts {

    private final BrokerPortMapping mapping;
    private final Map<Integer, CompletableFuture<Void>> listening = new ConcurrentHashMap<>();

    SteadyBrokerPorts(BrokerPortMapping mapping) {
        this.mapping = mapping;
    }

    @Override
    public void anchor(Collection<Integer> nodeIds) {
        mapping.anchor(nodeIds);
    }

    @Override
    public OptionalInt portFor(int nodeId) {
        return mapping.portFor(nodeId);
    }

    @Override
    public CompletionStage<Void> ensureListening(int nodeId) {
        return listening.computeIfAbsent(nodeId, id -> CompletableFuture.completedFuture(null));
    }
}
