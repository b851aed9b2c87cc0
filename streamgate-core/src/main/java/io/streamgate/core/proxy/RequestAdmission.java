package io.streamgate.core.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.streamgate.core.auth.ClientAuthenticator;
import io.streamgate.core.chain.EffectiveChain;
import io.streamgate.core.chain.InterceptorRegistry;
import io.streamgate.core.frame.RequestFrames;
import io.streamgate.core.metrics.GatewayMetrics;
import io.streamgate.core.protocol.ApiVersionsNegotiation;
import io.streamgate.core.protocol.GatewayApiSupport;
import io.streamgate.core.protocol.KafkaMessageCodec;
import io.streamgate.core.protocol.ProduceRequests;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;

/**
 * Decides what becomes of each request read from the client before any request hook sees it: an API or version the
 * gateway does not handle closes the connection (ApiVersions too new is answered at version 0, as a broker does);
 * {@link ConnectionAuthentication} lets it pass, answers it (SaslHandshake, SaslAuthenticate of a gateway-managed
 * listener, in request order like any response), relays it to the broker, or refuses it; the connection hooks run
 * when due ({@link ConnectionAdmission}) and may refuse it. A request that passes goes on to
 * {@link RequestForwarding}. Confined to the connection's event loop.
 */
final class RequestAdmission {

    private final ProxyConnection connection;
    private final Channel client;
    private final ConnectionAuthentication authentication;
    private final ConnectionAdmission connectionHooks;
    private final RequestForwarding forwarding;
    private final ResponseForwarding responses;
    private final InterceptorRegistry interceptors;
    private final GatewayMetrics metrics;
    private EffectiveChain chain = EffectiveChain.EMPTY;
    private int chainVersion = -1;

    RequestAdmission(ProxyConnection connection, Channel client, ConnectionAuthentication authentication,
                     ConnectionAdmission connectionHooks, RequestForwarding forwarding, ResponseForwarding responses,
                     InterceptorRegistry interceptors, GatewayMetrics metrics) {
        this.connection = connection;
        this.client = client;
        this.authentication = authentication;
        this.connectionHooks = connectionHooks;
        this.forwarding = forwarding;
        this.responses = responses;
        this.interceptors = interceptors;
        this.metrics = metrics;
    }

    /** A request frame read from the client, the upstream connection ready and no earlier request in a hook. */
    void onRequest(ByteBuf frame) {
        long now = System.nanoTime();
        short apiKeyId = RequestFrames.apiKey(frame);
        short version = RequestFrames.apiVersion(frame);
        int correlationId = RequestFrames.correlationId(frame);
        if (!GatewayApiSupport.supports(apiKeyId, version)) {
            refuse(frame, apiKeyId, version, correlationId, now);
            return;
        }
        ApiKeys apiKey = ApiKeys.forId(apiKeyId);
        metrics.requestReceived(apiKey, frame.readableBytes());
        ClientAuthenticator.Admission admission = authentication.admit(apiKey);
        if (admission == ClientAuthenticator.Admission.ANSWER) {
            answerSasl(frame, apiKey, version, correlationId, now);
            return;
        } else if (admission == ClientAuthenticator.Admission.RELAY) {
            try {
                authentication.relay(frame, apiKey, version);
            } catch (RuntimeException e) {
                connection.protocolError(frame, "malformed " + apiKey.name + " v" + version + " request");
                return;
            }
        } else if (admission != ClientAuthenticator.Admission.PASS) {
            frame.release();
            authentication.refused(admission, apiKey);
            client.close();
            return;
        }
        boolean expectsResponse;
        try {
            expectsResponse = apiKey != ApiKeys.PRODUCE || ProduceRequests.acks(frame, version) != 0;
        } catch (IndexOutOfBoundsException e) {
            connection.protocolError(frame, "malformed " + apiKey.name + " v" + version + " request");
            return;
        }
        EffectiveChain current = currentChain();
        if (current.hasConnectionHooks() && connectionHooks.mustRun(current, frame, apiKey, version)) {
            boolean expects = expectsResponse;
            admitThen(current, frame, apiKey, version,
                    () -> pastConnectionHooks(frame, apiKey, version, correlationId, now, expects, current));
            return;
        }
        pastConnectionHooks(frame, apiKey, version, correlationId, now, expectsResponse, current);
    }

    /** This connection's chain, refreshed when the installed interceptors have changed. */
    private EffectiveChain currentChain() {
        int version = interceptors.version();
        if (version != chainVersion) {
            chain = interceptors.chainFor(connection.info().chainIdentity());
            chainVersion = version;
        }
        return chain;
    }

    /** The client has authenticated: its chain, which depends on who it is, is chosen again. */
    void forgetChain() {
        chainVersion = -1;
    }

    /** Answers the request if the connection hooks refused the connection; otherwise hands it on. */
    private void pastConnectionHooks(ByteBuf frame, ApiKeys apiKey, short version, int correlationId, long now,
                                     boolean expectsResponse, EffectiveChain current) {
        if (current.hasConnectionHooks() && connectionHooks.refuses(apiKey)) {
            refuseForConnection(frame, new InFlightRequest(apiKey, version, correlationId,
                    ResponseHandling.of(apiKey, version), now, current), expectsResponse);
            return;
        }
        forwarding.toChain(frame, apiKey, version, correlationId, now, expectsResponse, current);
    }

    /**
     * Runs the connection hooks for the request in {@code frame}, holding the requests after it meanwhile, then
     * {@code then} unless they closed the connection.
     */
    private void admitThen(EffectiveChain current, ByteBuf frame, ApiKeys apiKey, short version, Runnable then) {
        connection.intercepting(true);
        boolean[] running = {true};
        boolean[] finished = {false};
        connectionHooks.run(current, frame, apiKey, version, goesOn -> {
            finished[0] = true;
            if (!goesOn || connection.closed()) {
                // still intercepting: what is held is released as the connection closes
                frame.release();
                return;
            }
            connection.intercepting(false);
            if (!running[0]) {
                connection.resumeAfterHooks();
            }
            then.run();
            if (!running[0]) { // decided later, asynchronously: pick up where reading stopped
                connection.processHeldRequests();
                responses.flushClient();
            }
        });
        running[0] = false;
        if (!finished[0]) {
            connection.pauseForHooks(); // a hook is working asynchronously: later requests wait for it
        }
    }

    /** Answers a request of a connection its connection hooks refused, as a request hook's Fail would be. */
    private void refuseForConnection(ByteBuf frame, InFlightRequest request, boolean expectsResponse) {
        ApiMessage answer;
        try {
            answer = connectionHooks.refusalOf(request.apiKey, request.apiVersion,
                    KafkaMessageCodec.decodeRequest(frame, request.apiKey, request.apiVersion).body());
        } catch (RuntimeException e) {
            connection.protocolError(frame, "malformed " + request.apiKey.name + " v" + request.apiVersion
                    + " request (" + e.getMessage() + ")");
            return;
        }
        frame.release();
        metrics.interceptorRefused(connectionHooks.refusedBy().name());
        if (expectsResponse) {
            request.responseLimit = 0; // no interceptor saw the request, none sees its answer
            responses.owe(request);
            responses.respond(request, request.apiVersion, answer, null, null);
        }
    }

    /**
     * Answers a SaslHandshake or SaslAuthenticate of a gateway-managed listener, in request order. A refusal waits
     * for the delay failed authentications earn, and then closes the connection, as a broker does.
     */
    private void answerSasl(ByteBuf frame, ApiKeys apiKey, short version, int correlationId, long now) {
        ConnectionAuthentication.Answer answer;
        try {
            answer = authentication.answer(frame, apiKey, version);
        } catch (RuntimeException e) {
            // only the exception's type: its message might quote what the client sent
            connection.protocolError(frame, "cannot process " + apiKey.name + " v" + version + " request ("
                    + e.getClass().getSimpleName() + ")");
            return;
        }
        frame.release();
        if (answer.authenticated()) {
            forgetChain();
        }
        InFlightRequest request = new InFlightRequest(apiKey, version, correlationId, ResponseHandling.PASSTHROUGH,
                now, EffectiveChain.EMPTY);
        responses.owe(request);
        ByteBuf response = KafkaMessageCodec.encodeResponse(client.alloc(), apiKey, version, correlationId,
                answer.body());
        if (!answer.closeAfter()) {
            responses.complete(request, response);
            return;
        }
        connection.refuseLater(request, response, answer.delayMillis());
    }

    /** A request of an API or version the gateway does not handle. */
    private void refuse(ByteBuf frame, short apiKeyId, short version, int correlationId, long now) {
        if (apiKeyId == ApiKeys.API_VERSIONS.id && version > ApiKeys.API_VERSIONS.latestVersion()) {
            // As a broker does: answer at version 0, which every client can read, so it retries lower.
            metrics.requestReceived(ApiKeys.API_VERSIONS, frame.readableBytes());
            frame.release();
            InFlightRequest request = new InFlightRequest(ApiKeys.API_VERSIONS, (short) 0, correlationId,
                    ResponseHandling.PASSTHROUGH, now, EffectiveChain.EMPTY);
            responses.owe(request);
            responses.complete(request, KafkaMessageCodec.encodeResponse(client.alloc(), ApiKeys.API_VERSIONS,
                    (short) 0, correlationId, ApiVersionsNegotiation.unsupportedVersion()));
            responses.flushClient();
            return;
        }
        String what = ApiKeys.hasId(apiKeyId)
                ? "unsupported version " + version + " of " + ApiKeys.forId(apiKeyId).name
                        + GatewayApiSupport.range(apiKeyId).map(r -> " (supported: " + r.min() + "-" + r.max() + ")")
                                .orElse(" (an API the gateway does not offer)")
                : "unknown API key " + apiKeyId + " (version " + version + ")";
        connection.protocolError(frame, what);
    }
}
