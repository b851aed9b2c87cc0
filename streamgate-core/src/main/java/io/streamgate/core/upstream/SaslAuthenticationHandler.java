package io.streamgate.core.upstream;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import io.streamgate.core.protocol.DecodedResponse;
import io.streamgate.core.protocol.KafkaMessageCodec;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.message.RequestHeaderData;
import org.apache.kafka.common.message.SaslAuthenticateRequestData;
import org.apache.kafka.common.message.SaslAuthenticateResponseData;
import org.apache.kafka.common.message.SaslHandshakeRequestData;
import org.apache.kafka.common.message.SaslHandshakeResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.security.sasl.SaslClient;
import javax.security.sasl.SaslException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Authenticates a new upstream connection with the gateway's own SASL credentials before it carries any
 * client traffic: SaslHandshake v1, then SaslAuthenticate rounds until the SASL client is complete. It then
 * removes itself from the pipeline and completes {@link #authenticated()}.
 */
final class SaslAuthenticationHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(SaslAuthenticationHandler.class);
    private static final short HANDSHAKE_VERSION = 1;
    private static final short AUTHENTICATE_VERSION = 2;
    private static final String CLIENT_ID = "streamgate";

    private final UpstreamSasl sasl;
    private final String brokerHost;
    private final Duration timeout;
    private final CompletableFuture<Void> authenticated = new CompletableFuture<>();
    private SaslClient client;
    private ChannelHandlerContext ctx;
    private ScheduledFuture<?> timer;
    private int correlationId = -1000;
    private boolean handshakeDone;

    SaslAuthenticationHandler(UpstreamSasl sasl, String brokerHost, Duration timeout) {
        this.sasl = sasl;
        this.brokerHost = brokerHost;
        this.timeout = timeout;
    }

    CompletableFuture<Void> authenticated() {
        return authenticated;
    }

    /** Starts the exchange; called once the connection (and TLS, if any) is up. */
    void start(ChannelHandlerContext context) {
        this.ctx = context;
        timer = ctx.executor().schedule(() -> fail(new TimeoutException("SASL authentication with " + brokerHost
                + " did not complete within " + timeout.toMillis() + " ms")), timeout.toMillis(), TimeUnit.MILLISECONDS);
        send(ApiKeys.SASL_HANDSHAKE, HANDSHAKE_VERSION, new SaslHandshakeRequestData().setMechanism(sasl.mechanism()));
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        ByteBuf frame = (ByteBuf) msg;
        try {
            if (!handshakeDone) {
                onHandshake((SaslHandshakeResponseData) decode(frame, ApiKeys.SASL_HANDSHAKE, HANDSHAKE_VERSION));
            } else {
                onAuthenticate((SaslAuthenticateResponseData) decode(frame, ApiKeys.SASL_AUTHENTICATE,
                        AUTHENTICATE_VERSION));
            }
        } catch (Exception e) {
            fail(e);
        } finally {
            frame.release();
        }
    }

    private void onHandshake(SaslHandshakeResponseData response) throws SaslException {
        if (response.errorCode() != Errors.NONE.code()) {
            throw new SaslAuthenticationException("the broker does not accept SASL mechanism " + sasl.mechanism()
                    + "; it offers " + response.mechanisms());
        }
        handshakeDone = true;
        client = sasl.newClient(brokerHost);
        byte[] initial = client.hasInitialResponse() ? sasl.evaluate(client, new byte[0]) : new byte[0];
        sendToken(initial);
    }

    private void onAuthenticate(SaslAuthenticateResponseData response) throws SaslException {
        if (response.errorCode() != Errors.NONE.code()) {
            throw new SaslAuthenticationException("broker rejected the gateway's " + sasl.mechanism()
                    + " credentials: " + (response.errorMessage() == null ? Errors.forCode(response.errorCode())
                            : response.errorMessage()));
        }
        if (!client.isComplete()) {
            byte[] next = sasl.evaluate(client, response.authBytes());
            if (next != null) { // a last client message still expects the broker's answer
                sendToken(next);
                return;
            }
        }
        if (!client.isComplete()) {
            throw new SaslAuthenticationException("SASL " + sasl.mechanism() + " exchange ended incomplete");
        }
        if (response.sessionLifetimeMs() > 0) {
            LOG.debug("Broker {} expects re-authentication within {} ms; the connection will be replaced when the "
                    + "broker closes it", brokerHost, response.sessionLifetimeMs());
        }
        succeed();
    }

    private void sendToken(byte[] token) {
        send(ApiKeys.SASL_AUTHENTICATE, AUTHENTICATE_VERSION, new SaslAuthenticateRequestData().setAuthBytes(token));
    }

    private void send(ApiKeys apiKey, short version, ApiMessage body) {
        RequestHeaderData header = new RequestHeaderData().setRequestApiKey(apiKey.id).setRequestApiVersion(version)
                .setClientId(CLIENT_ID).setCorrelationId(correlationId--);
        ctx.writeAndFlush(KafkaMessageCodec.encodeRequest(ctx.alloc(), header, body));
    }

    private static ApiMessage decode(ByteBuf frame, ApiKeys apiKey, short version) {
        DecodedResponse decoded = KafkaMessageCodec.decodeResponse(frame, apiKey, version);
        return decoded.body();
    }

    private void succeed() {
        cleanUp();
        ctx.pipeline().remove(this);
        authenticated.complete(null);
    }

    private void fail(Throwable cause) {
        if (authenticated.isDone()) {
            return;
        }
        cleanUp();
        authenticated.completeExceptionally(cause);
        ctx.close();
    }

    private void cleanUp() {
        if (timer != null) {
            timer.cancel(false);
        }
        if (client != null) {
            try {
                client.dispose();
            } catch (SaslException e) {
                LOG.debug("Disposing of the SASL client failed", e);
            }
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        fail(new SaslAuthenticationException("broker " + brokerHost + " closed the connection during SASL "
                + "authentication"));
        context.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        fail(cause);
    }
}
