package io.streamgate.core.listener;

import io.streamgate.core.GatewayConfig;
import io.streamgate.core.address.BrokerPorts;
import io.netty.channel.EventLoopGroup;
import io.streamgate.core.address.HostPort;
import io.streamgate.core.metrics.GatewayMetrics;
import io.streamgate.core.proxy.ProxyServices;
import io.streamgate.core.tls.ListenerTls;

import java.net.InetSocketAddress;
import java.util.Map;

/**
 * One client-facing listener, as configured by a {@link GatewayConfig.ListenerConfig}: the sockets it binds, and the
 * addresses it tells its clients for each broker ({@link BrokerPorts} for the ports, {@link #advertisedHost} for the
 * host). Each listener has its own, so a client connected to an internal plaintext listener and one connected to
 * an external TLS listener are each told addresses of the listener they use.
 */
public sealed interface ClientListener extends BrokerPorts, AutoCloseable permits KafkaListener, SniListener {

    /**
     * A listener for {@code config}, not bound yet: port or SNI routing as configured.
     *
     * @param tls the listener's TLS, required on TLS listeners, null on plaintext ones
     */
    static ClientListener create(GatewayConfig.ListenerConfig config, ListenerTls tls, int maxRequestFrameBytes,
                                 GatewayMetrics metrics, Transport transport, EventLoopGroup acceptors,
                                 EventLoopGroup workers) {
        if (config.usesTls() != (tls != null)) {
            throw new IllegalArgumentException("listener " + config.name() + " is " + config.securityProtocol()
                    + (tls == null ? " but has no TLS" : " but was given TLS"));
        }
        ClientPipeline pipeline = new ClientPipeline(config, tls, maxRequestFrameBytes, metrics);
        return config.routing() instanceof ListenerRouting.Sni
                ? new SniListener(pipeline, transport, acceptors, workers)
                : new KafkaListener(pipeline, transport, acceptors, workers);
    }

    GatewayConfig.ListenerConfig config();

    /** Binds the listener's bootstrap (or only) port; blocks until bound. */
    InetSocketAddress bind(ProxyServices services) throws InterruptedException;

    /** The address the bootstrap port is bound to; null before {@link #bind}. */
    InetSocketAddress bootstrapAddress();

    /** What clients of this listener put in {@code bootstrap.servers}. */
    HostPort advertisedBootstrap();

    /** The host name this listener's clients are told for broker {@code nodeId}. */
    String advertisedHost(int nodeId);

    /** Node id to port, for every broker port bound now; empty when brokers share the listener's one port. */
    Map<Integer, Integer> boundBrokerPorts();

    /** A broker left the cluster: stops listening on its port, if it has one of its own. */
    void brokerLeft(int nodeId);

    /** Stops accepting connections. Open connections are not touched. */
    @Override
    void close();
}
