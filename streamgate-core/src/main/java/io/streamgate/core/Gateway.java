package io.streamgate.core;

import io.micrometer.core.instrument.MeterRegistry;

import java.net.InetSocketAddress;
import java.util.Map;

/**
 * A running gateway: a Kafka listener (bootstrap port plus one port per broker) in front of one upstream
 * cluster. Created by {@link #start}; {@link #close} shuts it down gracefully.
 */
public final class Gateway implements AutoCloseable {

    private Gateway() {
    }

    /**
     * Binds the bootstrap port and starts watching the upstream cluster. Returns as soon as the bootstrap
     * port is bound, whether or not the upstream cluster is reachable yet: see {@link #isReady()}.
     *
     * @throws GatewayStartException if a port cannot be bound or the configuration is unusable
     */
    public static Gateway start(GatewayConfig config, MeterRegistry meterRegistry) {
        throw new UnsupportedOperationException("being written");
    }

    /** The address the bootstrap port is bound to. */
    public InetSocketAddress bootstrapAddress() {
        throw new UnsupportedOperationException("being written");
    }

    /** {@code advertisedHost:bootstrapPort}: what clients put in {@code bootstrap.servers}. */
    public String bootstrapServers() {
        throw new UnsupportedOperationException("being written");
    }

    /** True while the upstream cluster answered the gateway's last metadata request. */
    public boolean isReady() {
        throw new UnsupportedOperationException("being written");
    }

    /** Node id to gateway port, for every broker port currently bound. */
    public Map<Integer, Integer> brokerPorts() {
        throw new UnsupportedOperationException("being written");
    }

    /**
     * Stops accepting connections, lets in-flight requests complete for up to the configured shutdown
     * timeout, then closes every connection and releases the event loops.
     */
    @Override
    public void close() {
        throw new UnsupportedOperationException("being written");
    }
}
