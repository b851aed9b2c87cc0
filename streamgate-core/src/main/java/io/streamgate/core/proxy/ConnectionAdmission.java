package io.streamgate.core.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.streamgate.core.chain.EffectiveChain;
import io.streamgate.core.chain.InstalledInterceptor;
import io.streamgate.core.frame.RequestFrames;
import io.streamgate.core.protocol.ErrorResponses;
import org.apache.kafka.common.message.RequestHeaderData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What the connection hooks of one client connection decided, and when they must decide again: before the first
 * request once the connection is identified, then whenever its chain or the client id of its requests changes. Holds
 * their verdict for the requests that follow: the client id they reach the broker with, or the refusal they are
 * answered with. Only consulted for a chain that has connection hooks, so connections without any pay nothing.
 * Confined to the connection's event loop.
 */
final class ConnectionAdmission {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionAdmission.class);

    /** What a client needs before it can show an error: a refused connection still gets these answered. */
    static final Set<ApiKeys> CONNECTION_SETUP = EnumSet.of(ApiKeys.API_VERSIONS, ApiKeys.SASL_HANDSHAKE,
            ApiKeys.SASL_AUTHENTICATE, ApiKeys.METADATA);

    private final ProxyConnection connection;
    private final ConnectionAuthentication authentication;
    /** The chain the hooks last ran for; null before they first run. */
    private EffectiveChain seenChain;
    /** The client id (UTF-8) of the request that made them run; null for a null client id. */
    private byte[] seenClientId;
    /** The client id requests reach the broker with, in UTF-8, and as a string; null to keep the client's. */
    private byte[] clientIdBytes;
    private String clientId;
    private ConnectionInterception.Result.Refused refusal;

    ConnectionAdmission(ProxyConnection connection, ConnectionAuthentication authentication) {
        this.connection = connection;
        this.authentication = authentication;
    }

    /**
     * Whether the connection hooks of {@code chain} must run before {@code frame} goes on: they have not run for this
     * chain, or for the frame's client id (compared in place). Never before the connection is identified: until then
     * the principal, and the chain, are not the connection's yet.
     */
    boolean mustRun(EffectiveChain chain, ByteBuf frame, ApiKeys apiKey, short version) {
        if (!authentication.identified()) {
            return false;
        }
        return chain != seenChain || !RequestFrames.hasClientId(frame, apiKey.requestHeaderVersion(version),
                seenClientId);
    }

    /**
     * Runs the connection hooks of {@code chain} for the request in {@code frame}, which stays the caller's, and hands
     * {@code done} whether the connection goes on (false: it is closing), once, on the event loop.
     */
    void run(EffectiveChain chain, ByteBuf frame, ApiKeys apiKey, short version, Consumer<Boolean> done) {
        seenChain = chain;
        seenClientId = RequestFrames.clientIdBytes(frame, apiKey.requestHeaderVersion(version));
        connection.info().clientId(RequestFrames.clientIdOf(seenClientId));
        clientId = null;
        clientIdBytes = null;
        refusal = null;
        new ConnectionInterception(connection, chain.connectionStages(), apiKey, version, result -> {
            if (result instanceof ConnectionInterception.Result.Accepted accepted && accepted.clientId() != null) {
                clientId = accepted.clientId();
                clientIdBytes = clientId.getBytes(StandardCharsets.UTF_8);
            } else if (result instanceof ConnectionInterception.Result.Refused refused) {
                refusal = refused;
            } else if (result instanceof ConnectionInterception.Result.Closed closing) {
                LOG.warn("Interceptor {} closed the connection from {}: {}", closing.by(),
                        connection.info().clientAddress(), closing.reason());
                connection.close();
                done.accept(false);
                return;
            }
            done.accept(true);
        }).run();
    }

    /** Whether a request of {@code apiKey} is to be refused rather than sent on. */
    boolean refuses(ApiKeys apiKey) {
        return refusal != null && !CONNECTION_SETUP.contains(apiKey);
    }

    /** The interceptor whose refusal {@link #refuses} applies. */
    InstalledInterceptor refusedBy() {
        return refusal.by();
    }

    /** The answer to {@code request} (of {@code apiKey} at {@code version}) refused by the connection hooks. */
    ApiMessage refusalOf(ApiKeys apiKey, short version, ApiMessage request) {
        return ErrorResponses.forRequest(apiKey, version, request, refusal.refusal().error(),
                refusal.refusal().message());
    }

    /** The client's request frame as it goes to the broker: with the hooks' client id, if they gave one. */
    ByteBuf toBroker(ByteBufAllocator allocator, ByteBuf frame, ApiKeys apiKey, short version) {
        if (clientIdBytes == null) {
            return frame;
        }
        return RequestFrames.withClientId(allocator, frame, apiKey.requestHeaderVersion(version), clientIdBytes);
    }

    /** A decoded request's header as it goes to the broker: with the hooks' client id, if they gave one. */
    void toBroker(RequestHeaderData header) {
        if (clientId != null) {
            header.setClientId(clientId);
        }
    }
}
