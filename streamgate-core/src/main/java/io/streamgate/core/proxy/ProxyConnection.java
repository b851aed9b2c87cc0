package io.streamgate.core.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.DecoderException;
import io.streamgate.core.GatewayConfig;
import io.streamgate.core.address.HostPort;
import io.streamgate.core.auth.AuthenticationFailedException;
import io.streamgate.core.auth.ClientAuthenticator;
import io.streamgate.core.auth.Identity;
import io.streamgate.core.auth.ListenerAuthentication;
import io.streamgate.core.chain.EffectiveChain;
import io.streamgate.core.chain.InstalledInterceptor;
import io.streamgate.core.chain.InterceptorRegistry;
import io.streamgate.core.frame.FrameException;
import io.streamgate.core.frame.FramePiece;
import io.streamgate.core.frame.KafkaFrameDecoder;
import io.streamgate.core.frame.RequestFrames;
import io.streamgate.core.frame.ResponseFrames;
import io.streamgate.core.metrics.GatewayMetrics;
import io.streamgate.core.policy.PolicyAudit;
import io.streamgate.core.protocol.ApiVersionsNegotiation;
import io.streamgate.core.protocol.DecodedRequest;
import io.streamgate.core.protocol.FetchResponseSession;
import io.streamgate.core.protocol.DecodedResponse;
import io.streamgate.core.protocol.GatewayApiSupport;
import io.streamgate.core.protocol.KafkaMessageCodec;
import io.streamgate.core.protocol.ProduceRequests;
import io.streamgate.core.upstream.UpstreamConnector;
import io.streamgate.core.upstream.UpstreamTarget;
import io.streamgate.core.vcluster.FetchSessionOwners;
import io.streamgate.core.vcluster.Tenant;
import io.streamgate.core.vcluster.VirtualClusterDirectory;
import io.streamgate.core.vcluster.mapping.ApiMappers;
import io.streamgate.core.vcluster.mapping.Mapping;
import org.apache.kafka.common.message.RequestHeaderData;
import org.apache.kafka.common.message.SaslAuthenticateResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One client connection and the upstream broker connection that serves it, handled together on the client
 * channel's event loop, so none of this state needs a lock.
 *
 * <p>Requests are forwarded as the bytes read, with only the correlation id patched, unless an interceptor
 * of this connection's chain has a hook for their API: then they are decoded, run through the chain, and
 * re-encoded. The gateway numbers requests on the upstream connection itself, so that it can send requests
 * of its own (for interceptors), and puts the client's number back on each response. Responses leave in
 * request order, whatever order they become ready in. Produce with {@code acks=0} gets no response from the
 * broker, so none is awaited.
 *
 * <p>On a listener that authenticates clients, {@link ConnectionAuthentication} says which requests may pass (before
 * authentication only ApiVersions and SASL); SaslHandshake and SaslAuthenticate are answered by the gateway, in request
 * order like any response, or relayed to the broker and watched (delegated authentication).
 *
 * <p>Requests go upstream in the order the client sent them: while one is in an asynchronous hook, the
 * requests after it wait, and the client is not read. Backpressure: while the upstream connection cannot take
 * more bytes, the client is not read; while the client cannot take more bytes, the upstream is not read.
 */
public final class ProxyConnection extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyConnection.class);

    private static final int PAUSED_CONNECTING = 1;
    private static final int PAUSED_UPSTREAM_UNWRITABLE = 1 << 1;
    private static final int PAUSED_DRAINING = 1 << 2;
    private static final int PAUSED_INTERCEPTING = 1 << 3;
    private static final int PAUSED_REFUSING = 1 << 4;
    private static final String OWN_CLIENT_ID = "streamgate";
    /**
     * Responses from this size (length prefix included) that no one needs to look into are forwarded as their bytes
     * arrive; smaller ones usually arrive in one read anyway.
     */
    private static final int STREAM_RESPONSES_FROM_BYTES = 32 * 1024;

    private final ProxyServices services;
    private final GatewayMetrics metrics;
    /** The responses the client is owed, in the order of its requests. */
    private final ResponseSequencer responses;
    private final InterceptorRegistry interceptors;
    private final UpstreamTarget target;
    private final GatewayConfig.ListenerConfig listener;
    /** Requests sent upstream, oldest first; brokers answer in order on a connection. */
    private final ArrayDeque<InFlightRequest> awaitingUpstream = new ArrayDeque<>();
    /** Requests read while the upstream connection was not ready, or while an earlier one was in a hook. */
    private final ArrayDeque<ByteBuf> heldRequests = new ArrayDeque<>();

    private Channel client;
    private Channel upstream;
    private ClientConnectionInfo info;
    private ConnectionAuthentication authentication;
    private ConnectionAdmission connectionHooks;
    private final OwnRequests ownRequests;
    private EffectiveChain chain = EffectiveChain.EMPTY;
    private int chainVersion = -1;
    private int nextUpstreamCorrelationId;
    private int readPauses;
    private boolean intercepting;
    private boolean closed;
    /** Authentication failed: the refusal is on its way and nothing more is read. */
    private boolean refusing;
    private boolean clientNeedsFlush;

    public ProxyConnection(ProxyServices services, GatewayConfig.ListenerConfig listener, UpstreamTarget target) {
        this.listener = listener;
        this.services = services;
        this.metrics = services.metrics();
        this.responses = new ResponseSequencer(metrics);
        this.interceptors = services.interceptors();
        this.target = target;
        this.ownRequests = new OwnRequests(this, services.topicNames());
    }

    /** Requests still owed a response; readable from any thread. */
    public int inFlightRequests() {
        return responses.owedCount();
    }

    /** Stops reading new requests from the client; those already read still complete. Any thread. */
    public void drain() {
        client.eventLoop().execute(() -> pause(PAUSED_DRAINING));
    }

    /** Closes both connections. Any thread. */
    public void close() {
        client.close();
    }

    ClientConnectionInfo info() {
        return info;
    }

    EventLoop eventLoop() {
        return client.eventLoop();
    }

    GatewayMetrics metrics() {
        return metrics;
    }

    TopicNames knownTopicNames() {
        return services.topicNames();
    }

    PolicyAudit policyAudit() {
        return services.security().policyAudit();
    }

    FetchSessionOwners fetchSessions() {
        return services.fetchSessions();
    }

    /** The broker this connection is forwarded to; -1 for a bootstrap connection, which may reach any. */
    int brokerId() {
        return target instanceof UpstreamTarget.Broker broker ? broker.nodeId() : -1;
    }

    VirtualClusterDirectory virtualClusters() {
        return services.security().virtualClusters();
    }

    // ---- client side ----

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        client = ctx.channel();
        responses.writeTo(client);
        info = new ClientConnectionInfo((InetSocketAddress) client.remoteAddress(), listener.name());
        ListenerAuthentication listenerAuthentication = services.authentication(listener);
        authentication = new ConnectionAuthentication(listenerAuthentication, info);
        authentication.start(client, client::close);
        connectionHooks = new ConnectionAdmission(this, authentication);
        services.register(this);
        metrics.connectionOpened();
        if (!listener.identifiesClients()) {
            try {
                info.identity(listenerAuthentication.place(Identity.ANONYMOUS));
            } catch (AuthenticationFailedException e) {
                LOG.warn("Closing connection from {} on listener {}: {}", client.remoteAddress(), listener.name(),
                        e.getMessage());
                client.close();
                ctx.fireChannelActive();
                return;
            }
        }
        pause(PAUSED_CONNECTING);
        services.routes().candidates(target).whenComplete((candidates, failure) ->
                client.eventLoop().execute(() -> {
                    if (failure != null) {
                        LOG.warn("Closing connection from {} to {}: {}", client.remoteAddress(), target,
                                rootMessage(failure));
                        client.close();
                    } else {
                        connectUpstream(candidates, 0, null);
                    }
                }));
        ctx.fireChannelActive();
    }

    private void connectUpstream(List<HostPort> candidates, int index, Throwable lastFailure) {
        if (closed) {
            return;
        }
        if (index == candidates.size()) {
            LOG.warn("Closing connection from {}: cannot reach {} at {}: {}", client.remoteAddress(), target,
                    candidates, rootMessage(lastFailure));
            client.close();
            return;
        }
        HostPort broker = candidates.get(index);
        services.connector().connect(broker, client.eventLoop(), new UpstreamHandler(),
                        authentication.relaysToBroker() ? UpstreamConnector.SaslLogin.RELAYED_FROM_CLIENT
                                : UpstreamConnector.SaslLogin.GATEWAY)
                .whenComplete((channel, failure) -> {
                    if (failure != null) {
                        connectUpstream(candidates, index + 1, failure);
                    } else if (closed) {
                        channel.close();
                    } else {
                        upstreamReady(channel);
                    }
                });
    }

    private void upstreamReady(Channel channel) {
        upstream = channel;
        KafkaFrameDecoder frames = channel.pipeline().get(KafkaFrameDecoder.class);
        if (frames != null) {
            frames.streamFramesFrom(STREAM_RESPONSES_FROM_BYTES, this::streamsResponse);
        }
        upstream.config().setAutoRead(client.isWritable());
        resume(PAUSED_CONNECTING);
        processHeldRequests();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf frame = (ByteBuf) msg;
        if (closed || refusing) {
            frame.release();
        } else if (upstream == null || intercepting) {
            heldRequests.add(frame);
        } else {
            onRequest(frame);
        }
    }

    private void processHeldRequests() {
        ByteBuf held;
        while (!closed && !intercepting && (held = heldRequests.poll()) != null) {
            onRequest(held);
        }
        if (upstream != null) {
            upstream.flush();
        }
    }

    private void onRequest(ByteBuf frame) {
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
                protocolError(frame, "malformed " + apiKey.name + " v" + version + " request");
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
            protocolError(frame, "malformed " + apiKey.name + " v" + version + " request");
            return;
        }
        EffectiveChain current = currentChain();
        if (current.hasConnectionHooks() && connectionHooks.mustRun(current, frame, apiKey, version)) {
            boolean expects = expectsResponse;
            admitThen(current, frame, apiKey, version,
                    () -> toChain(frame, apiKey, version, correlationId, now, expects, current));
            return;
        }
        toChain(frame, apiKey, version, correlationId, now, expectsResponse, current);
    }

    /** Takes a request admitted by authentication (and the connection hooks) through the chain, or past it. */
    private void toChain(ByteBuf frame, ApiKeys apiKey, short version, int correlationId, long now,
                         boolean expectsResponse, EffectiveChain current) {
        if (current.hasConnectionHooks() && connectionHooks.refuses(apiKey)) {
            refuseForConnection(frame, new InFlightRequest(apiKey, version, correlationId,
                    ResponseHandling.of(apiKey, version), now, current), expectsResponse);
            return;
        }
        Tenant tenant = null;
        if (info.identity().virtualCluster().isPresent() && !ApiMappers.passesUnmapped(apiKey)) {
            tenant = currentTenant();
            if (tenant == null) {
                frame.release();
                LOG.warn("Closing connection from {}: its virtual cluster {} no longer exists", client.remoteAddress(),
                        info.identity().virtualCluster().get());
                client.close();
                return;
            }
            metrics.virtualClusterRequest(tenant.name(), apiKey, frame.readableBytes());
        }
        InFlightRequest request = new InFlightRequest(apiKey, version, correlationId,
                ResponseHandling.of(apiKey, version), now, current);
        InstalledInterceptor[] stages = current.requestStages(apiKey);
        if (stages.length == 0 && tenant == null) {
            forward(frame, request, expectsResponse);
            return;
        }
        intercept(frame, request, stages, expectsResponse, tenant);
    }

    /**
     * Runs the connection hooks for the request in {@code frame}, holding the requests after it meanwhile, then
     * {@code then} unless they closed the connection.
     */
    private void admitThen(EffectiveChain current, ByteBuf frame, ApiKeys apiKey, short version, Runnable then) {
        intercepting = true;
        boolean[] running = {true};
        boolean[] finished = {false};
        connectionHooks.run(current, frame, apiKey, version, goesOn -> {
            finished[0] = true;
            if (!goesOn || closed) { // still intercepting: what is held is released as the connection closes
                frame.release();
                return;
            }
            intercepting = false;
            if (!running[0]) {
                resume(PAUSED_INTERCEPTING);
            }
            then.run();
            if (!running[0]) { // decided later, asynchronously: pick up where reading stopped
                processHeldRequests();
                flushClient();
            }
        });
        running[0] = false;
        if (!finished[0]) {
            pause(PAUSED_INTERCEPTING); // a hook is working asynchronously: later requests wait for it
        }
    }

    /** Answers a request of a connection its connection hooks refused, as a request hook's Fail would be. */
    private void refuseForConnection(ByteBuf frame, InFlightRequest request, boolean expectsResponse) {
        ApiMessage answer;
        try {
            answer = connectionHooks.refusalOf(request.apiKey, request.apiVersion,
                    KafkaMessageCodec.decodeRequest(frame, request.apiKey, request.apiVersion).body());
        } catch (RuntimeException e) {
            protocolError(frame, "malformed " + request.apiKey.name + " v" + request.apiVersion + " request ("
                    + e.getMessage() + ")");
            return;
        }
        frame.release();
        metrics.interceptorRefused(connectionHooks.refusedBy().name());
        if (expectsResponse) {
            request.responseLimit = 0; // no interceptor saw the request, none sees its answer
            owe(request);
            respond(request, request.apiVersion, answer, null, null);
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
            protocolError(frame, "cannot process " + apiKey.name + " v" + version + " request ("
                    + e.getClass().getSimpleName() + ")");
            return;
        }
        frame.release();
        if (answer.authenticated()) {
            chainVersion = -1; // the chain depends on who the client is
        }
        InFlightRequest request = new InFlightRequest(apiKey, version, correlationId, ResponseHandling.PASSTHROUGH,
                now, EffectiveChain.EMPTY);
        owe(request);
        ByteBuf response = KafkaMessageCodec.encodeResponse(client.alloc(), apiKey, version, correlationId,
                answer.body());
        if (!answer.closeAfter()) {
            complete(request, response);
            return;
        }
        refuseLater(request, response, answer.delayMillis());
    }

    /**
     * Sends a refused authentication's answer after {@code delayMillis}, then closes the connection; meanwhile nothing
     * more is read, and a broker closing its side (delegated authentication) does not cut the answer short.
     */
    private void refuseLater(InFlightRequest request, ByteBuf response, long delayMillis) {
        refusing = true;
        pause(PAUSED_REFUSING);
        client.eventLoop().schedule(() -> {
            if (closed) {
                response.release();
                return;
            }
            complete(request, response);
            clientNeedsFlush = false;
            client.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }, delayMillis, TimeUnit.MILLISECONDS);
    }

    /** This connection's chain, refreshed when the installed interceptors have changed. */
    private EffectiveChain currentChain() {
        int version = interceptors.version();
        if (version != chainVersion) {
            chain = interceptors.chainFor(info.chainIdentity());
            chainVersion = version;
        }
        return chain;
    }

    /** Sends the frame's bytes upstream, with only the correlation id changed (and the client id, if hooks say so). */
    private void forward(ByteBuf clientFrame, InFlightRequest request, boolean expectsResponse) {
        ByteBuf frame = !request.chain.hasConnectionHooks() ? clientFrame
                : connectionHooks.toBroker(client.alloc(), clientFrame, request.apiKey, request.apiVersion);
        int upstreamCorrelationId = nextUpstreamCorrelationId++;
        RequestFrames.setCorrelationId(frame, upstreamCorrelationId);
        if (expectsResponse) {
            await(request, upstreamCorrelationId);
            owe(request);
        }
        upstream.write(frame, upstream.voidPromise());
    }

    private void await(InFlightRequest request, int upstreamCorrelationId) {
        request.upstreamCorrelationId = upstreamCorrelationId;
        request.forwardedNanos = System.nanoTime();
        awaitingUpstream.add(request);
    }

    private void owe(InFlightRequest request) {
        responses.owe(request);
    }

    /**
     * Decodes the request and runs it through the request hooks of the chain, and then, for a virtual-cluster
     * connection ({@code tenant} not null), maps it to the physical cluster.
     */
    private void intercept(ByteBuf frame, InFlightRequest request, InstalledInterceptor[] stages,
                           boolean expectsResponse, Tenant tenant) {
        DecodedRequest decoded;
        try {
            decoded = KafkaMessageCodec.decodeRequest(frame, request.apiKey, request.apiVersion);
        } catch (RuntimeException e) {
            protocolError(frame, "malformed " + request.apiKey.name + " v" + request.apiVersion + " request ("
                    + e.getMessage() + ")");
            return;
        }
        metrics.requestDecoded(request.apiKey);
        info.clientId(decoded.header().clientId());
        intercepting = true;
        boolean[] running = {true};
        boolean[] finished = {false};
        Runnable finish = () -> {
            frame.release(); // the decoded request may point into it until here
            intercepting = false;
            finished[0] = true;
            if (!running[0]) { // finished later, asynchronously: pick up where reading stopped
                resume(PAUSED_INTERCEPTING);
                processHeldRequests();
                flushClient();
            }
        };
        Consumer<RequestInterception.Result> afterHooks = result -> {
            if (!closed && tenant != null && result instanceof RequestInterception.Result.Forwarded forwarded) {
                mapForTenant(frame, forwarded.changed(), request, decoded.header(), forwarded.body(),
                        expectsResponse, tenant, finish);
                return;
            }
            try {
                if (!closed) {
                    afterRequestHooks(frame, request, decoded.header(), result, expectsResponse);
                }
            } finally {
                finish.run();
            }
        };
        if (stages.length == 0) {
            afterHooks.accept(new RequestInterception.Result.Forwarded(decoded.body(), false));
        } else {
            new RequestInterception(this, request, stages, decoded.body(), afterHooks).run();
        }
        running[0] = false;
        if (!finished[0]) {
            pause(PAUSED_INTERCEPTING); // a hook is working asynchronously: later requests wait for it
        }
    }

    /**
     * Maps a virtual-cluster connection's request, which the request hooks have let through, to the physical cluster,
     * and sends it, or answers it; then runs {@code finish}. A request the mapping leaves unchanged, and that no hook
     * changed, goes as the client's bytes ({@code frame}).
     */
    private void mapForTenant(ByteBuf frame, boolean hooksChanged, InFlightRequest request, RequestHeaderData header,
                              ApiMessage body, boolean expectsResponse, Tenant tenant, Runnable finish) {
        new TenantRequestMapping(this, request.apiKey, request.apiVersion, body, tenant).run(mapping -> {
            try {
                if (closed) {
                    return;
                }
                request.tenant = tenant;
                if (mapping instanceof Mapping.Forward forward) {
                    request.responseMapper = forward.response();
                    afterRequestHooks(frame, request, header,
                            new RequestInterception.Result.Forwarded(forward.request(), true), expectsResponse);
                } else if (mapping instanceof Mapping.Unchanged unchanged) {
                    request.responseMapper = unchanged.response();
                    if (hooksChanged) {
                        afterRequestHooks(frame, request, header,
                                new RequestInterception.Result.Forwarded(body, true), expectsResponse);
                    } else {
                        forward(frame.retain(), request, expectsResponse); // finish releases the decoder's reference
                    }
                } else if (mapping instanceof Mapping.Answer answer && expectsResponse) {
                    owe(request);
                    answer.response().whenComplete((response, failure) -> onEventLoop(() -> {
                        if (!closed) {
                            respond(request, request.apiVersion, response, null, null);
                            flushClient();
                        }
                    }));
                }
            } finally {
                finish.run();
            }
        });
    }

    /** Runs {@code task} on this connection's event loop: now when already there. */
    void onEventLoop(Runnable task) {
        if (client.eventLoop().inEventLoop()) {
            task.run();
        } else {
            client.eventLoop().execute(task);
        }
    }

    /**
     * Sends, answers or closes as the request hooks decided. A request no hook changed goes as the client's bytes
     * ({@code frame}, still the caller's); any other is encoded again from {@code header} and the hooks' body.
     */
    private void afterRequestHooks(ByteBuf frame, InFlightRequest request, RequestHeaderData header,
                                   RequestInterception.Result result, boolean expectsResponse) {
        if (result instanceof RequestInterception.Result.Forwarded forwarded && !forwarded.changed()) {
            forward(frame.retain(), request, expectsResponse); // the caller releases its own reference
        } else if (result instanceof RequestInterception.Result.Forwarded forwarded) {
            int upstreamCorrelationId = nextUpstreamCorrelationId++;
            header.setCorrelationId(upstreamCorrelationId);
            if (request.chain.hasConnectionHooks()) {
                connectionHooks.toBroker(header);
            }
            ByteBuf encoded = KafkaMessageCodec.encodeRequest(client.alloc(), header, forwarded.body());
            if (expectsResponse) {
                await(request, upstreamCorrelationId);
                owe(request);
            }
            upstream.write(encoded, upstream.voidPromise());
        } else if (result instanceof RequestInterception.Result.Answered answered) {
            if (!expectsResponse) {
                LOG.debug("Interceptor {} answered an acks=0 produce from {}; the client expects no answer",
                        answered.by(), client.remoteAddress());
                return;
            }
            request.responseLimit = request.chain.positionOf(answered.by());
            owe(request);
            respond(request, request.apiVersion, answered.response(), null, null);
        } else if (result instanceof RequestInterception.Result.Closed closing) {
            closeForInterceptor(closing.by(), closing.reason());
        }
    }

    /**
     * Closes the client connection as an interceptor decided. The connection counts as closed at once: the requests
     * read while the interceptor worked are released as it closes, never forwarded.
     */
    private void closeForInterceptor(InstalledInterceptor interceptor, String reason) {
        LOG.warn("Interceptor {} closed the connection from {}: {}", interceptor, client.remoteAddress(), reason);
        closed = true;
        client.close();
    }

    private void refuse(ByteBuf frame, short apiKeyId, short version, int correlationId, long now) {
        if (apiKeyId == ApiKeys.API_VERSIONS.id && version > ApiKeys.API_VERSIONS.latestVersion()) {
            // As a broker does: answer at version 0, which every client can read, so it retries lower.
            metrics.requestReceived(ApiKeys.API_VERSIONS, frame.readableBytes());
            frame.release();
            InFlightRequest request = new InFlightRequest(ApiKeys.API_VERSIONS, (short) 0, correlationId,
                    ResponseHandling.PASSTHROUGH, now, EffectiveChain.EMPTY);
            owe(request);
            complete(request, KafkaMessageCodec.encodeResponse(client.alloc(), ApiKeys.API_VERSIONS, (short) 0,
                    correlationId, ApiVersionsNegotiation.unsupportedVersion()));
            flushClient();
            return;
        }
        String what = ApiKeys.hasId(apiKeyId)
                ? "unsupported version " + version + " of " + ApiKeys.forId(apiKeyId).name
                        + GatewayApiSupport.range(apiKeyId).map(r -> " (supported: " + r.min() + "-" + r.max() + ")")
                                .orElse(" (an API the gateway does not offer)")
                : "unknown API key " + apiKeyId + " (version " + version + ")";
        protocolError(frame, what);
    }

    private void protocolError(ByteBuf frame, String what) {
        frame.release();
        metrics.protocolError();
        LOG.warn("Closing connection from {}: {}", client.remoteAddress(), what);
        client.close();
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (upstream != null) {
            upstream.flush();
        }
        flushClient(); // answers the gateway gave itself while reading
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (upstream != null) {
            upstream.config().setAutoRead(client.isWritable());
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        SocketAddress remote = client == null ? ctx.channel().remoteAddress() : client.remoteAddress();
        if (cause instanceof DecoderException && cause.getCause() instanceof FrameException frameError) {
            metrics.protocolError();
            LOG.warn("Closing connection from {}: {}", remote, frameError.getMessage());
        } else if (cause instanceof IOException) {
            LOG.debug("Connection from {} failed: {}", remote, cause.toString());
        } else {
            LOG.warn("Closing connection from {} after an unexpected error", remote, cause);
        }
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        closed = true;
        if (authentication != null) {
            authentication.close();
        }
        services.unregister(this);
        metrics.connectionClosed();
        if (upstream != null) {
            upstream.close();
        }
        releaseAll();
        ctx.fireChannelInactive();
    }

    private void releaseAll() {
        responses.releaseAll();
        for (InFlightRequest request : awaitingUpstream) {
            if (request.ownRequest != null) {
                request.ownRequest.completeExceptionally(new IOException("connection closed"));
            }
        }
        awaitingUpstream.clear();
        ByteBuf held;
        while ((held = heldRequests.poll()) != null) {
            held.release();
        }
    }

    // ---- the gateway's own requests ----

    OwnRequests ownRequests() {
        return ownRequests;
    }

    /**
     * Writes a request of the gateway's own upstream, in order with the client's, under a correlation id of its own;
     * false when the upstream connection is not open.
     */
    boolean writeOwnRequest(InFlightRequest request, ApiMessage body) {
        if (closed || upstream == null) {
            return false;
        }
        int upstreamCorrelationId = nextUpstreamCorrelationId++;
        RequestHeaderData header = new RequestHeaderData().setRequestApiKey(request.apiKey.id)
                .setRequestApiVersion(request.apiVersion).setClientId(OWN_CLIENT_ID)
                .setCorrelationId(upstreamCorrelationId);
        await(request, upstreamCorrelationId);
        upstream.writeAndFlush(KafkaMessageCodec.encodeRequest(client.alloc(), header, body), upstream.voidPromise());
        return true;
    }

    /** The virtual cluster the connection is in, as of now; null when in none, or when it no longer exists. */
    Tenant currentTenant() {
        return info.identity().virtualCluster().flatMap(services.security().virtualClusters()::tenant).orElse(null);
    }

    // ---- upstream side ----

    private void onResponse(ByteBuf frame) {
        if (closed) {
            frame.release();
            return;
        }
        int correlationId = ResponseFrames.correlationId(frame);
        InFlightRequest request = awaitingUpstream.peek();
        if (request == null || request.upstreamCorrelationId != correlationId) {
            frame.release();
            LOG.error("Closing connection from {}: {} answered correlation id {} but {} was expected",
                    client.remoteAddress(), target, correlationId,
                    request == null ? "no response" : request.upstreamCorrelationId);
            client.close();
            return;
        }
        awaitingUpstream.poll();
        request.upstreamNanos = System.nanoTime() - request.forwardedNanos;
        if (request.ownRequest != null) {
            OwnRequests.answered(request, frame, services.topicNames());
            return;
        }
        ResponseFrames.setCorrelationId(frame, request.clientCorrelationId);
        learnFetchSession(request, frame);
        if (request.apiKey == ApiKeys.SASL_AUTHENTICATE && refusedByBroker(request, frame)) {
            return;
        }
        List<InstalledInterceptor> hooks = request.responseStages();
        ResponseProcessor processor = services.responseProcessor(listener.name());
        DecodedResponse decoded;
        CompletionStage<Void> portsListening;
        try {
            if (hooks.isEmpty() && !processor.mustDecode(request, frame) && !request.mapsResponse()) {
                complete(request, frame);
                return;
            }
            decoded = processor.decode(request, frame);
            portsListening = processor.rewrite(request, decoded);
            if (request.mapsResponse()) {
                decoded = new DecodedResponse(decoded.apiKey(), decoded.apiVersion(), decoded.correlationId(),
                        TenantRequestMapping.tenantView(request.responseMapper, decoded.body(), decoded.apiVersion(),
                                request.tenant.names()));
            }
        } catch (RuntimeException e) {
            frame.release();
            LOG.error("Closing connection from {}: cannot process the {} v{} response from {}", client.remoteAddress(),
                    request.apiKey.name, request.apiVersion, target, e);
            metrics.requestFailed(request.apiKey);
            client.close();
            return;
        }
        respond(request, decoded.apiVersion(), decoded.body(), frame, portsListening);
    }

    /** A virtual-cluster connection's Fetch response: its fetch session, if any, is that virtual cluster's. */
    private void learnFetchSession(InFlightRequest request, ByteBuf frame) {
        if (request.tenant != null && request.apiKey == ApiKeys.FETCH) {
            int sessionId = FetchResponseSession.sessionId(frame, request.apiVersion);
            if (sessionId != 0) {
                services.fetchSessions().created(brokerId(), sessionId, request.tenant.name());
            }
        }
    }

    /**
     * Delegated authentication: takes the broker's verdict on the client's relayed exchange. A refusal is sent on after
     * the delay repeated failures earn; returns whether it was (the frame then belongs to it).
     */
    private boolean refusedByBroker(InFlightRequest request, ByteBuf frame) {
        ClientAuthenticator.RelayedOutcome outcome;
        try {
            outcome = authentication.relayedResponse(frame, request.apiVersion);
        } catch (RuntimeException e) {
            LOG.warn("Cannot read the broker's SaslAuthenticate response for {} ({}); it is forwarded as it is",
                    client.remoteAddress(), e.getClass().getSimpleName());
            return false;
        }
        if (outcome instanceof ClientAuthenticator.RelayedOutcome.Accepted) {
            chainVersion = -1; // the chain depends on who the client is
        } else if (outcome instanceof ClientAuthenticator.RelayedOutcome.Refused refused) {
            ByteBuf answer = frame;
            if (refused.gatewayRefusal() != null) {
                frame.release();
                answer = KafkaMessageCodec.encodeResponse(client.alloc(), ApiKeys.SASL_AUTHENTICATE,
                        request.apiVersion, request.clientCorrelationId, new SaslAuthenticateResponseData()
                                .setErrorCode(Errors.SASL_AUTHENTICATION_FAILED.code())
                                .setErrorMessage(refused.gatewayRefusal()));
            }
            refuseLater(request, answer, refused.delayMillis());
            return true;
        }
        return false;
    }

    /**
     * Whether the response now arriving may reach the client as its bytes arrive: it answers the next request
     * expected from the broker, nothing needs to look into it (no response hook, no address to rewrite), and every
     * earlier response has been sent, so its bytes can go straight after them.
     */
    private boolean streamsResponse(int correlationId, int frameBytes) {
        InFlightRequest request = awaitingUpstream.peek();
        return !closed && request != null && request.upstreamCorrelationId == correlationId
                && request.ownRequest == null && request.apiKey != ApiKeys.SASL_AUTHENTICATE
                && request.handling == ResponseHandling.PASSTHROUGH && !request.mapsResponse()
                && request.chain.responseStages(request.apiKey).length == 0 && responses.isNext(request);
    }

    private void onResponsePiece(FramePiece piece) {
        ByteBuf bytes = piece.bytes();
        if (closed) {
            bytes.release();
            return;
        }
        InFlightRequest request = responses.streaming();
        if (piece.first()) {
            request = awaitingUpstream.poll(); // the one streamsResponse agreed to
            request.upstreamNanos = System.nanoTime() - request.forwardedNanos;
            ResponseFrames.setCorrelationId(bytes, request.clientCorrelationId);
            learnFetchSession(request, bytes);
        }
        responses.stream(request, bytes, piece.first(), piece.last());
        clientNeedsFlush = true;
    }

    /**
     * Runs a decoded response (from the broker, or given by an interceptor) through the response hooks, then
     * encodes it and queues it for the client once {@code ready} completes.
     *
     * @param frame the frame {@code body} was decoded from, released once encoded; null for a gateway answer
     */
    private void respond(InFlightRequest request, short version, ApiMessage body, ByteBuf frame,
                         CompletionStage<Void> ready) {
        List<InstalledInterceptor> hooks = request.responseStages();
        if (hooks.isEmpty()) {
            sendEncoded(request, version, body, frame, ready);
            return;
        }
        new ResponseInterception(this, request, hooks, body, result -> {
            if (closed) {
                release(frame);
            } else if (result instanceof ResponseInterception.Result.Send send) {
                sendEncoded(request, version, send.body(), frame, ready);
                flushClient();
            } else if (result instanceof ResponseInterception.Result.Closed closing) {
                release(frame);
                closeForInterceptor(closing.by(), closing.reason());
            }
        }).run();
    }

    private void sendEncoded(InFlightRequest request, short version, ApiMessage body, ByteBuf frame,
                             CompletionStage<Void> ready) {
        ByteBuf encoded;
        try {
            encoded = services.responseProcessor(listener.name()).encode(client.alloc(), request, version, body);
        } finally {
            release(frame); // the decoded body may point into it until encoded
        }
        CompletableFuture<Void> listening = ready == null ? null : ready.toCompletableFuture();
        if (listening == null || listening.isDone()) {
            complete(request, encoded);
        } else {
            listening.whenComplete((ignored, failure) -> client.eventLoop().execute(() -> {
                if (closed) {
                    encoded.release();
                } else {
                    complete(request, encoded);
                    flushClient();
                }
            }));
        }
    }

    private static void release(ByteBuf frame) {
        if (frame != null) {
            frame.release();
        }
    }

    /** Records a ready response and sends every response that no earlier one (or one being streamed) holds back. */
    private void complete(InFlightRequest request, ByteBuf response) {
        if (responses.complete(request, response)) {
            clientNeedsFlush = true;
        }
    }

    private void flushClient() {
        if (clientNeedsFlush) {
            clientNeedsFlush = false;
            client.flush();
        }
    }

    private void upstreamClosed() {
        if (closed || refusing) {
            return; // a refusal in progress closes the client connection once its answer is out
        }
        for (InFlightRequest request : awaitingUpstream) {
            if (request.ownRequest == null) {
                metrics.requestFailed(request.apiKey);
            }
        }
        if (responses.streaming() != null) {
            metrics.requestFailed(responses.streaming().apiKey);
        }
        if (!awaitingUpstream.isEmpty()) {
            LOG.debug("Upstream connection to {} closed with {} request(s) in flight; closing the client connection "
                    + "from {}", target, awaitingUpstream.size(), client.remoteAddress());
        }
        flushClient();
        client.close();
    }

    void logInterceptorFailure(InstalledInterceptor interceptor, ApiKeys apiKey, Throwable failure) {
        LOG.warn("Interceptor {} failed on a {} from {}: {}", interceptor, apiKey.name, client.remoteAddress(),
                failure.toString());
        LOG.debug("Interceptor {} failure", interceptor, failure);
    }

    // ---- reads paused for several independent reasons ----

    private void pause(int reason) {
        readPauses |= reason;
        client.config().setAutoRead(false);
    }

    private void resume(int reason) {
        readPauses &= ~reason;
        if (readPauses == 0 && !closed) {
            client.config().setAutoRead(true);
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** Receives the broker's responses; runs on the same event loop as the client side. */
    private final class UpstreamHandler extends ChannelInboundHandlerAdapter {

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof FramePiece piece) {
                onResponsePiece(piece);
            } else {
                onResponse((ByteBuf) msg);
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            flushClient();
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            if (ctx.channel().isWritable()) {
                resume(PAUSED_UPSTREAM_UNWRITABLE);
            } else {
                pause(PAUSED_UPSTREAM_UNWRITABLE);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            upstreamClosed();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (cause instanceof IOException) {
                LOG.debug("Upstream connection to {} failed: {}", target, cause.toString());
            } else {
                LOG.warn("Closing upstream connection to {} after an unexpected error", target, cause);
            }
            ctx.close();
        }
    }
}
