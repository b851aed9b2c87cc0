package io.streamgate.core.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.ScheduledFuture;
import io.streamgate.core.auth.AuthenticationFailedException;
import io.streamgate.core.auth.AuthenticationMode;
import io.streamgate.core.auth.ClientAuthenticator;
import io.streamgate.core.auth.ClientAuthenticator.Step;
import io.streamgate.core.auth.Identity;
import io.streamgate.core.auth.ListenerAuthentication;
import io.streamgate.core.frame.KafkaFrameDecoder;
import io.streamgate.core.protocol.KafkaMessageCodec;
import org.apache.kafka.common.message.SaslAuthenticateRequestData;
import org.apache.kafka.common.message.SaslAuthenticateResponseData;
import org.apache.kafka.common.message.SaslHandshakeRequestData;
import org.apache.kafka.common.message.SaslHandshakeResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLPeerUnverifiedException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;

/**
 * The proxy's side of a connection's authentication: the small frame limit and the timeout before authentication,
 * the client certificate of a TLS connection, and the gateway's own answers to SaslHandshake and SaslAuthenticate,
 * decoded and encoded here; the decisions are {@link ClientAuthenticator}'s. Confined to the connection's event loop.
 */
final class ConnectionAuthentication {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionAuthentication.class);
    /** The client pipeline's TLS handler, when the listener speaks TLS. */
    static final String TLS_HANDLER = "tls";

    /**
     * What to send for a SASL request, and what follows: the connection's identity changed ({@code authenticated}),
     * or, after {@code delayMillis}, the connection closes ({@code closeAfter}).
     */
    record Answer(ApiMessage body, boolean authenticated, long delayMillis, boolean closeAfter) {
    }

    private final ListenerAuthentication listener;
    private final ClientAuthenticator authenticator;
    private final ClientConnectionInfo info;
    private KafkaFrameDecoder frames;
    private int authenticatedFrameLimit;
    private ScheduledFuture<?> timeout;

    ConnectionAuthentication(ListenerAuthentication listener, ClientConnectionInfo info) {
        this.listener = listener;
        this.info = info;
        this.authenticator = listener.newConnection(info.clientAddress());
    }

    /**
     * Applies the rules of an unauthenticated connection, if the listener needs SASL: small frames only, and
     * {@code onTimeout} runs if authentication has not completed in time. Reads the client certificate once TLS is up.
     */
    void start(Channel client, Runnable onTimeout) {
        if (client.pipeline().get(TLS_HANDLER) instanceof SslHandler tls) {
            tls.handshakeFuture().addListener(done -> {
                if (done.isSuccess()) {
                    readClientCertificate(client, tls);
                }
            });
        }
        if (!authenticator.required()) {
            return;
        }
        frames = client.pipeline().get(KafkaFrameDecoder.class);
        if (frames != null) {
            authenticatedFrameLimit = frames.maxFrameBytes();
            frames.maxFrameBytes(Math.min(authenticatedFrameLimit, listener.config().maxUnauthenticatedFrameBytes()));
        }
        long timeoutMillis = listener.config().authenticationTimeout().toMillis();
        if (timeoutMillis > 0) {
            timeout = client.eventLoop().schedule(() -> {
                if (!authenticator.authenticated()) {
                    listener.metrics().authenticationClosed(listener.listener(), "timeout");
                    listener.auditUnauthenticatedClose(info.clientAddress(), null, null,
                            "not authenticated within " + timeoutMillis + " ms");
                    LOG.warn("Closing connection from {} on listener {}: not authenticated within {} ms",
                            info.clientAddress(), listener.listener(), timeoutMillis);
                    onTimeout.run();
                }
            }, timeoutMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void readClientCertificate(Channel client, SslHandler tls) {
        Certificate[] chain;
        try {
            chain = tls.engine().getSession().getPeerCertificates();
        } catch (SSLPeerUnverifiedException e) {
            return; // no client certificate (ssl.client.auth none or requested)
        }
        if (chain.length == 0 || !(chain[0] instanceof X509Certificate certificate)) {
            return;
        }
        info.clientCertificate(certificate);
        if (authenticator.required()) {
            return; // SASL_SSL: the SASL principal wins, as in Kafka
        }
        try {
            info.identity(listener.authenticateCertificate(info.clientAddress(), certificate));
        } catch (AuthenticationFailedException e) {
            // as a broker whose principal builder fails: the connection does not go on
            LOG.warn("Closing connection from {} on listener {}: {}", info.clientAddress(), listener.listener(),
                    e.getMessage());
            client.close();
        }
    }

    ClientAuthenticator.Admission admit(ApiKeys apiKey) {
        return authenticator.admit(apiKey, System.currentTimeMillis());
    }

    /** Counts and logs a connection closed for a request its authentication state does not allow. */
    void refused(ClientAuthenticator.Admission admission, ApiKeys apiKey) {
        boolean expired = admission == ClientAuthenticator.Admission.REFUSE_EXPIRED;
        listener.metrics().authenticationClosed(listener.listener(),
                expired ? "session_expired" : "unauthenticated_request");
        LOG.warn("Closing connection from {} on listener {}: {} {}", info.clientAddress(), listener.listener(),
                apiKey.name, expired ? "after the SASL session expired without re-authentication"
                        : "before authentication");
    }

    /** The gateway's answer to a SaslHandshake or SaslAuthenticate request decoded from {@code frame}. */
    Answer answer(ByteBuf frame, ApiKeys apiKey, short version) {
        ApiMessage request = KafkaMessageCodec.decodeRequest(frame, apiKey, version).body();
        if (request instanceof SaslHandshakeRequestData handshake) {
            Errors error = authenticator.handshake(handshake.mechanism());
            SaslHandshakeResponseData response = new SaslHandshakeResponseData().setErrorCode(error.code())
                    .setMechanisms(listener.mechanisms());
            return new Answer(response, false, 0, error != Errors.NONE);
        }
        Step step = authenticator.authenticate(((SaslAuthenticateRequestData) request).authBytes(),
                System.currentTimeMillis());
        SaslAuthenticateResponseData response = new SaslAuthenticateResponseData();
        if (step instanceof Step.Challenge challenge) {
            return new Answer(response.setAuthBytes(challenge.challenge()), false, 0, false);
        }
        if (step instanceof Step.Authenticated done) {
            authenticated(done.identity());
            if (done.reauthentication()) {
                LOG.debug("Connection from {} re-authenticated as {}", info.clientAddress(), done.identity().principal());
            }
            response.setAuthBytes(done.finalMessage());
            if (version >= 1) { // v0 has no session lifetime: such a client learns of the end when it is closed
                response.setSessionLifetimeMs(done.sessionLifetimeMs());
            }
            return new Answer(response, true, 0, false);
        }
        Step.Refused refused = (Step.Refused) step;
        return new Answer(response.setErrorCode(refused.error().code()).setErrorMessage(refused.message())
                .setAuthBytes(new byte[0]), false, refused.delayMillis(), true);
    }

    /** Whether the connection is who it will be: authenticated, or on a listener that does not authenticate. */
    boolean identified() {
        return !authenticator.required() || authenticator.authenticated();
    }

    /** Whether this connection's SASL exchange goes to the broker (delegated authentication). */
    boolean relaysToBroker() {
        return authenticator.required() && listener.config().mode() == AuthenticationMode.DELEGATED;
    }

    /** Delegated authentication: watches a SASL request decoded from {@code frame}, which goes on to the broker. */
    void relay(ByteBuf frame, ApiKeys apiKey, short version) {
        ApiMessage request = KafkaMessageCodec.decodeRequest(frame, apiKey, version).body();
        if (request instanceof SaslHandshakeRequestData handshake) {
            authenticator.relayedHandshake(handshake.mechanism());
        } else if (request instanceof SaslAuthenticateRequestData authenticate) {
            authenticator.relayedAuthenticate(authenticate.authBytes());
        }
    }

    /**
     * Delegated authentication: the broker's answer to a relayed SaslAuthenticate, read from {@code frame} (left as
     * it is, for the client). An acceptance gives the client its identity.
     */
    ClientAuthenticator.RelayedOutcome relayedResponse(ByteBuf frame, short version) {
        SaslAuthenticateResponseData response = (SaslAuthenticateResponseData) KafkaMessageCodec.decodeResponse(
                frame.duplicate(), ApiKeys.SASL_AUTHENTICATE, version).body();
        ClientAuthenticator.RelayedOutcome outcome = authenticator.relayedResult(response.errorCode(),
                response.authBytes(), response.sessionLifetimeMs(), System.currentTimeMillis());
        if (outcome instanceof ClientAuthenticator.RelayedOutcome.Accepted accepted) {
            authenticated(accepted.identity());
        }
        return outcome;
    }

    /** The client proved who it is: it gets that identity and the normal frame limit, and no timeout. */
    private void authenticated(Identity identity) {
        info.identity(identity);
        if (timeout != null) {
            timeout.cancel(false);
            timeout = null;
        }
        if (frames != null) {
            frames.maxFrameBytes(authenticatedFrameLimit);
        }
    }

    static ByteBuf encode(ByteBufAllocator allocator, ApiKeys apiKey, short version, int correlationId,
                          ApiMessage body) {
        return KafkaMessageCodec.encodeResponse(allocator, apiKey, version, correlationId, body);
    }

    void close() {
        if (timeout != null) {
            timeout.cancel(false);
        }
        authenticator.close();
    }
}
