package io.streamgate.core.listener;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.streamgate.core.metrics.GatewayMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The first handler of every client connection: looks at the first bytes the client sends and closes the connection
 * when they are of the other protocol than the listener's, TLS on a plaintext listener or plaintext on a TLS
 * listener, with a log line that says so (rather than an absurd frame length or a TLS record error) and a count in
 * {@code streamgate_connections_rejected_total}. Otherwise it steps aside, handing on what it read untouched.
 */
final class ProtocolMismatchDetector extends ByteToMessageDecoder {

    static final String NAME = "protocol";
    private static final Logger LOG = LoggerFactory.getLogger(ProtocolMismatchDetector.class);
    /** A TLS record: content type handshake (22), then a 3.x protocol version. */
    private static final int TLS_HANDSHAKE = 0x16;
    private static final int TLS_MAJOR_VERSION = 0x03;

    private final String listener;
    private final boolean expectsTls;
    private final GatewayMetrics metrics;

    ProtocolMismatchDetector(String listener, boolean expectsTls, GatewayMetrics metrics) {
        this.listener = listener;
        this.expectsTls = expectsTls;
        this.metrics = metrics;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (in.readableBytes() < 2) {
            return;
        }
        int start = in.readerIndex();
        boolean tls = in.getUnsignedByte(start) == TLS_HANDSHAKE && in.getUnsignedByte(start + 1) == TLS_MAJOR_VERSION;
        if (tls == expectsTls) {
            ctx.pipeline().remove(this);
            return;
        }
        in.skipBytes(in.readableBytes());
        if (tls) {
            metrics.connectionRejected(listener, "tls_on_plaintext");
            LOG.warn("TLS handshake on plaintext listener {} from {}: the client uses SSL or SASL_SSL, this listener "
                    + "is PLAINTEXT or SASL_PLAINTEXT; closing the connection", listener, ctx.channel().remoteAddress());
        } else {
            metrics.connectionRejected(listener, "plaintext_on_tls");
            LOG.warn("Client {} sent plaintext {}bytes to TLS listener {}: the client must use SSL or SASL_SSL; "
                    + "closing the connection", ctx.channel().remoteAddress(),
                    in.getUnsignedByte(start) == 0 ? "Kafka " : "", listener);
        }
        ctx.close();
    }
}
