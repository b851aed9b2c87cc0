package io.streamgate.core.upstream;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.ssl.SslHandler;
import io.streamgate.core.address.HostPort;
import io.streamgate.core.frame.KafkaFrameDecoder;
import org.apache.kafka.common.network.ConnectionMode;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.security.ssl.SslFactory;

import java.io.Closeable;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Opens connections to brokers. Each connection is created on the event loop of the client connection it
 * serves, so a connection pair shares one thread and needs no locks. TLS toward Kafka is configured from
 * the ordinary Kafka {@code ssl.*} properties through Kafka's own {@link SslFactory}, so truststores,
 * keystores, PEM and hostname verification behave exactly as for a Kafka client.
 */
public final class UpstreamConnector implements Closeable {

    /** Write buffer bounds of a connection; above the high mark the peer's reads pause (backpressure). */
    public static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(128 * 1024, 512 * 1024);

    private final Class<? extends Channel> channelType;
    private final Duration connectTimeout;
    private final SslFactory sslFactory;

    public UpstreamConnector(UpstreamClientConfig clientConfig, Duration connectTimeout,
                             Class<? extends Channel> channelType) {
        this.channelType = channelType;
        this.connectTimeout = connectTimeout;
        SecurityProtocol protocol = clientConfig.securityProtocol();
        if (protocol == SecurityProtocol.SASL_PLAINTEXT || protocol == SecurityProtocol.SASL_SSL) {
            throw new IllegalArgumentException("security.protocol=" + protocol + " toward Kafka is not supported yet; "
                    + "use PLAINTEXT or SSL (mutual TLS included)");
        }
        if (protocol == SecurityProtocol.SSL) {
            sslFactory = new SslFactory(ConnectionMode.CLIENT);
            sslFactory.configure(clientConfig.values());
        } else {
            sslFactory = null;
        }
    }

    /**
     * Connects to a broker. The stage completes with the channel once it is ready to carry Kafka requests
     * (TLS handshake done, when TLS is used); {@code responseHandler} then receives whole response frames.
     */
    public CompletionStage<Channel> connect(HostPort broker, EventLoop eventLoop, ChannelHandler responseHandler) {
        CompletableFuture<Channel> ready = new CompletableFuture<>();
        Bootstrap bootstrap = new Bootstrap()
                .group(eventLoop)
                .channel(channelType)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        if (sslFactory != null) {
                            channel.pipeline().addLast("tls",
                                    new SslHandler(sslFactory.createSslEngine(broker.host(), broker.port())));
                        }
                        channel.pipeline().addLast("frames", KafkaFrameDecoder.forResponses());
                        channel.pipeline().addLast("responses", responseHandler);
                    }
                });
        ChannelFuture connected = bootstrap.connect(broker.host(), broker.port());
        connected.addListener(f -> {
            if (!f.isSuccess()) {
                ready.completeExceptionally(f.cause());
                return;
            }
            Channel channel = connected.channel();
            SslHandler tls = channel.pipeline().get(SslHandler.class);
            if (tls == null) {
                ready.complete(channel);
                return;
            }
            tls.handshakeFuture().addListener(h -> {
                if (h.isSuccess()) {
                    ready.complete(channel);
                } else {
                    channel.close();
                    ready.completeExceptionally(h.cause());
                }
            });
        });
        return ready;
    }

    @Override
    public void close() {
        if (sslFactory != null) {
            sslFactory.close();
        }
    }
}
