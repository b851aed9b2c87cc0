package io.streamgate.core.listener;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.streamgate.core.metrics.GatewayMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLException;

/**
 * Right after the TLS handler: turns a TLS failure (a failed handshake: no or an untrusted client certificate, no
 * common protocol version or cipher; or a broken record later) into one log line and a closed connection, rather
 * than an "unexpected error" with a stack trace further on. A failed handshake is counted in
 * {@code streamgate_connections_rejected_total} with reason {@code tls_handshake_failed}. Other errors and every
 * event, including the handshake's completion, pass on unchanged.
 */
final class TlsFailureLog extends ChannelInboundHandlerAdapter {

    static final String NAME = "tls-failures";
    private static final Logger LOG = LoggerFactory.getLogger(TlsFailureLog.class);

    private final String listener;
    private final GatewayMetrics metrics;

    TlsFailureLog(String listener, GatewayMetrics metrics) {
        this.listener = listener;
        this.metrics = metrics;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        SSLException tls = tlsCause(cause);
        if (tls == null) {
            ctx.fireExceptionCaught(cause);
            return;
        }
        SslHandler handler = ctx.pipeline().get(SslHandler.class);
        boolean handshaken = handler != null && handler.handshakeFuture().isSuccess();
        if (!handshaken) {
            metrics.connectionRejected(listener, "tls_handshake_failed");
        }
        LOG.info("TLS {} with {} on listener {} failed, closing the connection: {}",
                handshaken ? "session" : "handshake", ctx.channel().remoteAddress(), listener, tls.getMessage());
        ctx.close();
    }

    private static SSLException tlsCause(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SSLException ssl) {
                return ssl;
            }
        }
        return null;
    }
}
