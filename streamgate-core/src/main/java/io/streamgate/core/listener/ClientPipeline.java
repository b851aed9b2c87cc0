package io.streamgate.core.listener;

import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.SslHandler;
import io.streamgate.core.GatewayConfig;
import io.streamgate.core.frame.KafkaFrameDecoder;
import io.streamgate.core.metrics.GatewayMetrics;
import io.streamgate.core.proxy.ProxyConnection;
import io.streamgate.core.proxy.ProxyServices;
import io.streamgate.core.tls.ListenerTls;
import io.streamgate.core.upstream.UpstreamTarget;

import java.net.InetSocketAddress;

/**
 * The handlers of one listener's client connections, by name: {@value ProtocolMismatchDetector#NAME} (wrong-protocol
 * detection, which removes itself), on TLS listeners {@value #TLS} (the {@link SslHandler}; later handlers may read
 * the peer's certificate from it) and {@value TlsFailureLog#NAME}, then {@value #FRAMES} (the Kafka frame decoder)
 * and {@value #PROXY} (the {@link ProxyConnection}).
 */
final class ClientPipeline {

    static final String TLS = "tls";
    static final String FRAMES = "frames";
    static final String PROXY = "proxy";

    private final GatewayConfig.ListenerConfig config;
    private final ListenerTls tls;
    private final int maxRequestFrameBytes;
    private final GatewayMetrics metrics;
    private volatile ProxyServices services;

    /**
     * @param tls the listener's TLS, or null on a plaintext listener
     */
    ClientPipeline(GatewayConfig.ListenerConfig config, ListenerTls tls, int maxRequestFrameBytes,
                   GatewayMetrics metrics) {
        this.config = config;
        this.tls = tls;
        this.maxRequestFrameBytes = maxRequestFrameBytes;
        this.metrics = metrics;
    }

    void services(ProxyServices services) {
        this.services = services;
    }

    GatewayConfig.ListenerConfig config() {
        return config;
    }

    GatewayMetrics metrics() {
        return metrics;
    }

    /** Sets up a connection accepted on a port that names its target (port routing). */
    void initialise(Channel channel, UpstreamTarget target) {
        channel.pipeline().addLast(ProtocolMismatchDetector.NAME,
                new ProtocolMismatchDetector(config.name(), tls != null, metrics));
        if (tls != null) {
            channel.pipeline().addLast(TLS, newSslHandler(channel));
            channel.pipeline().addLast(TlsFailureLog.NAME, new TlsFailureLog(config.name(), metrics));
        }
        channel.pipeline().addLast(FRAMES, KafkaFrameDecoder.forRequests(maxRequestFrameBytes));
        channel.pipeline().addLast(PROXY, new ProxyConnection(services, config, target));
    }

    /**
     * Adds the TLS, frame and proxy handlers after {@code previous}, once the target is known (SNI routing). The
     * channel is already active: the caller must pass the activation on to them.
     */
    void addSessionAfter(ChannelPipeline pipeline, String previous, UpstreamTarget target) {
        pipeline.addAfter(previous, TLS, newSslHandler(pipeline.channel()));
        pipeline.addAfter(TLS, TlsFailureLog.NAME, new TlsFailureLog(config.name(), metrics));
        pipeline.addAfter(TlsFailureLog.NAME, FRAMES, KafkaFrameDecoder.forRequests(maxRequestFrameBytes));
        pipeline.addAfter(FRAMES, PROXY, new ProxyConnection(services, config, target));
    }

    private SslHandler newSslHandler(Channel channel) {
        InetSocketAddress peer = (InetSocketAddress) channel.remoteAddress();
        return new SslHandler(tls.newEngine(peer.getHostString(), peer.getPort()));
    }
}
