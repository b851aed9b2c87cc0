package io.streamgate.core.listener;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.AbstractSniHandler;
import io.netty.util.concurrent.Future;
import io.streamgate.core.upstream.UpstreamTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * The first TLS handler of a connection to an SNI-routed listener: reads the server name from the client's
 * ClientHello, picks the target from it, then puts the real TLS, frame and proxy handlers in its own place and hands
 * them the bytes it has read. A name that is not the listener's (or no name at all) closes the connection with a TLS
 * {@code unrecognized_name} alert and a log line.
 */
final class SniRouter extends AbstractSniHandler<UpstreamTarget> {

    static final String NAME = "sni";
    private static final Logger LOG = LoggerFactory.getLogger(SniRouter.class);
    /** A fatal TLS 1.2 alert record: unrecognized_name (112). TLS 1.3 clients accept it before the ServerHello. */
    private static final byte[] UNRECOGNIZED_NAME_ALERT = {0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x70};

    private final ClientPipeline pipeline;
    private final SniHostNames hostNames;
    private boolean rejected;

    SniRouter(ClientPipeline pipeline, SniHostNames hostNames, long handshakeTimeoutMillis) {
        super(handshakeTimeoutMillis);
        this.pipeline = pipeline;
        this.hostNames = hostNames;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, io.netty.buffer.ByteBuf in, java.util.List<Object> out)
            throws Exception {
        if (rejected) {
            in.skipBytes(in.readableBytes());
            return;
        }
        super.decode(ctx, in, out);
    }

    @Override
    protected Future<UpstreamTarget> lookup(ChannelHandlerContext ctx, String hostname) {
        Optional<UpstreamTarget> target = hostNames.targetFor(hostname);
        return target.isPresent()
                ? ctx.executor().newSucceededFuture(target.get())
                : ctx.executor().newFailedFuture(new UnknownServerName(hostname));
    }

    @Override
    protected void onLookupComplete(ChannelHandlerContext ctx, String hostname, Future<UpstreamTarget> future) {
        if (!future.isSuccess()) {
            rejected = true;
            pipeline.metrics().connectionRejected(pipeline.config().name(), "unknown_server_name");
            LOG.warn("Client {} asked SNI listener {} for {}, which is neither its bootstrap host {} nor a broker host "
                            + "like {}; closing the connection", ctx.channel().remoteAddress(), pipeline.config().name(),
                    hostname == null ? "no server name" : "server name '" + hostname + "'", hostNames.bootstrapHost(),
                    hostNames.brokerHost(0));
            ctx.writeAndFlush(Unpooled.wrappedBuffer(UNRECOGNIZED_NAME_ALERT)).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        pipeline.addSessionAfter(ctx.pipeline(), ctx.name(), future.getNow());
        // The handlers just added missed the channel's activation: give it to them, then step aside so that the
        // ClientHello read so far reaches the TLS handler.
        ctx.fireChannelActive();
        ctx.pipeline().remove(this);
    }

    /** The client's server name is not one of the listener's. */
    private static final class UnknownServerName extends Exception {
        UnknownServerName(String hostname) {
            super(String.valueOf(hostname), null, false, false);
        }
    }
}
