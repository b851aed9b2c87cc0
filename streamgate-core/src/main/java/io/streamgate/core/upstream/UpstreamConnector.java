package io.streamgate.core.upstream;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
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
 * serves, so a connection pair shares one thread and needs no locks. Security toward Kafka comes from the
 * ordinary Kafka client properties: TLS through Kafka's own {@link SslFactory}, so truststores, keystores,
 * PEM and hostname verification behave exactly as for a Kafka client; SASL through {@link UpstreamSasl},
 * with the gateway's own credentials, before the connection carries any client request.
 */
public final class UpstreamConnector implements Closeable {

    /** Write buffer bounds of a connection; above the high mark the peer's reads pause (backpressure). */
    public static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(128 * 1024, 512 * 1024);

    private final Class<? extends Channel> channelType;
    private final Duration connectTimeout;
    private final SslFactory sslFactory;
    private final UpstreamSasl sasl;

    public UpstreamConnector(UpstreamClientConfig clientConfig, Duration connectTimeout,
                             Class<? extends Channel> channelType) {
        this.channelType = channelType;
        this.connectTimeout = connectTimeout;
        SecurityProtocol protocol = clientConfig.securityProtocol();
        if (protocol == SecurityProtocol.SSL || protocol == SecurityProtocol.SASL_SSL) {
            sslFactory = new SslFactory(ConnectionMode.CLIENT);
            sslFactory.configure(clientConfig.values());
        } else {
            sslFactory = null;
        }
        sasl = protocol == SecurityProtocol.SASL_PLAINTEXT || protocol == SecurityProtocol.SASL_SSL
                ? UpstreamSasl.login(clientConfig) : null;
    }

    /** Who authenticates a new upstream connection with SASL. */
    public enum SaslLogin {
        /** The gateway, with its own credentials, before the connection carries any client request. */
        GATEWAY,
        /**
         * Nobody yet: the client's own SASL exchange will be relayed on it (delegated authentication). Only the
         * client it serves ever uses the connection, and no other connection is opened with the client's identity.
         */
        RELAYED_FROM_CLIENT
    }

    /** Whether connections to Kafka use SASL (SASL_PLAINTEXT or SASL_SSL). */
    public boolean usesSasl() {
        return sasl != null;
    }

    /** As {@link #connect(HostPort, EventLoop, ChannelHandler, SaslLogin)}, logging in as the gateway. */
    public CompletionStage<Channel> connect(HostPort broker, EventLoop eventLoop, ChannelHandler responseHandler) {
        return connect(broker, eventLoop, responseHandler, SaslLogin.GATEWAY);
    }

    /**
     * Connects to a broker. The stage completes with the channel once it is ready to carry Kafka requests
     * (TLS handshake and, with {@link SaslLogin#GATEWAY}, SASL authentication done, when used);
     * {@code responseHandler} then receives whole response frames.
     */
    public CompletionStage<Channel> connect(HostPort broker, EventLoop eventLoop, ChannelHandler responseHandler,
                                            SaslLogin login) {
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
                        if (sasl != null && login == SaslLogin.GATEWAY) {
                            channel.pipeline().addLast("sasl",
                                    new SaslAuthenticationHandler(sasl, broker.host(), connectTimeout));
                        }
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
                authenticate(channel, ready);
                return;
            }
            tls.handshakeFuture().addListener(h -> {
                if (h.isSuccess()) {
                    authenticate(channel, ready);
                } else {
                    channel.close();
                    ready.completeExceptionally(h.cause());
                }
            });
        });
        return ready;
    }

    private static void authenticate(Channel channel, CompletableFuture<Channel> ready) {
        ChannelHandlerContext saslContext = channel.pipeline().context(SaslAuthenticationHandler.class);
        if (saslContext == null) {
            ready.complete(channel);
            return;
        }
        SaslAuthenticationHandler sasl = (SaslAuthenticationHandler) saslContext.handler();
        sasl.authenticated().whenComplete((ok, failure) -> {
            if (failure == null) {
                ready.complete(channel);
            } else {
                ready.completeExceptionally(failure);
            }
        });
        sasl.start(saslContext);
    }

    @Override
    public void close() {
        if (sslFactory != null) {
            sslFactory.close();
        }
        if (sasl != null) {
            sasl.close();
        }
    }
}
