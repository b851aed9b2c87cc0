package io.streamgate.core.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.DecoderException;
import io.streamgate.core.GatewayConfig;
import io.streamgate.core.address.HostPort;
import io.streamgate.core.auth.AuthenticationFailedException;
import io.streamgate.core.auth.Identity;
import io.streamgate.core.auth.ListenerAuthentication;
import io.streamgate.core.chain.InstalledInterceptor;
import io.streamgate.core.frame.FrameException;
import io.streamgate.core.frame.KafkaFrameDecoder;
import io.streamgate.core.metrics.GatewayMetrics;
import io.streamgate.core.policy.PolicyAudit;
import io.streamgate.core.upstream.UpstreamConnector;
import io.streamgate.core.upstream.UpstreamTarget;
import io.streamgate.core.vcluster.FetchSessionOwners;
import io.streamgate.core.vcluster.Tenant;
import io.streamgate.core.vcluster.VirtualClusterDirectory;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One client connection and the upstream broker connection that serves it, handled together on the client
 * channel's event loop, so none of this state needs a lock.
 *
 * <p>This handler owns both channels and the connection's life: it connects upstream, holds the requests read until
 * they may go on, pauses and resumes reading, and closes. Each request read goes through {@link RequestAdmission}
 * (the gateway's API support, authentication, connection hooks) and {@link RequestForwarding} (request hooks,
 * virtual-cluster mapping, upstream); each response through {@link ResponseForwarding} (correlation, decoding only
 * when needed, response hooks, request order). Produce with {@code acks=0} gets no response from the broker, so none
 * is awaited.
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
    /**
     * Responses from this size (length prefix included) that no one needs to look into are forwarded as their bytes
     * arrive; smaller ones usually arrive in one read anyway.
     */
    private static final int STREAM_RESPONSES_FROM_BYTES = 32 * 1024;

    private final ProxyServices services;
    private final GatewayMetrics metrics;
    private final ResponseForwarding responses;
    private final UpstreamTarget target;
    private final GatewayConfig.ListenerConfig listener;
    /** Requests read while the upstream connection was not ready, or while an earlier one was in a hook. */
    private final ArrayDeque<ByteBuf> heldRequests = new ArrayDeque<>();

    private Channel client;
    private Channel upstream;
    private ClientConnectionInfo info;
    private ConnectionAuthentication authentication;
    private RequestAdmission admission;
    private RequestForwarding forwarding;
    private final OwnRequests ownRequests;
    private int readPauses;
    private boolean intercepting;
    private boolean closed;
    /** Authentication failed: the refusal is on its way and nothing more is read. */
    private boolean refusing;

    public ProxyConnection(ProxyServices services, GatewayConfig.ListenerConfig listener, UpstreamTarget target) {
        this.listener = listener;
        this.services = services;
        this.metrics = services.metrics();
        this.responses = new ResponseForwarding(this, target, metrics);
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

    /** The upstream connection; null until connected. */
    Channel upstream() {
        return upstream;
    }

    ConnectionAuthentication authentication() {
        return authentication;
    }

    /** The gateway's own work on this listener's responses. */
    ResponseProcessor responseProcessor() {
        return services.responseProcessor(listener.name());
    }

    /** Whether the connection is closed, or closing as an interceptor decided: nothing more goes either way. */
    boolean closed() {
        return closed;
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
        ConnectionAdmission connectionHooks = new ConnectionAdmission(this, authentication);
        forwarding = new RequestForwarding(this, client, connectionHooks, responses, metrics);
        admission = new RequestAdmission(this, client, authentication, connectionHooks, forwarding, responses,
                services.interceptors(), metrics);
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
        services.connector().connect(broker, client.eventLoop(), responses.upstreamHandler(),
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
            frames.streamFramesFrom(STREAM_RESPONSES_FROM_BYTES, responses::streamsResponse);
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
            admission.onRequest(frame);
        }
    }

    /** Takes up the requests held while the upstream connection was not ready, or while one was in a hook. */
    void processHeldRequests() {
        ByteBuf held;
        while (!closed && !intercepting && (held = heldRequests.poll()) != null) {
            admission.onRequest(held);
        }
        if (upstream != null) {
            upstream.flush();
        }
    }

    /** Whether a request is in hooks: while it is, the requests read after it are held. */
    void intercepting(boolean inHooks) {
        intercepting = inHooks;
    }

    /** A hook is working asynchronously: the client is not read until it has answered. */
    void pauseForHooks() {
        pause(PAUSED_INTERCEPTING);
    }

    /** The hook that paused reading has answered. */
    void resumeAfterHooks() {
        resume(PAUSED_INTERCEPTING);
    }

    /** The client has authenticated through the broker: its chain, which depends on who it is, is chosen again. */
    void forgetChain() {
        admission.forgetChain();
    }

    /** The virtual cluster the connection is in, as of now; null when in none, or when it no longer exists. */
    Tenant currentTenant() {
        return info.identity().virtualCluster().flatMap(services.security().virtualClusters()::tenant).orElse(null);
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
     * Sends a refused authentication's answer after {@code delayMillis}, then closes the connection; meanwhile nothing
     * more is read, and a broker closing its side (delegated authentication) does not cut the answer short.
     */
    void refuseLater(InFlightRequest request, ByteBuf response, long delayMillis) {
        refusing = true;
        pause(PAUSED_REFUSING);
        client.eventLoop().schedule(() -> {
            if (closed) {
                response.release();
                return;
            }
            responses.completeThenClose(request, response);
        }, delayMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * Closes the client connection as an interceptor decided. The connection counts as closed at once: the requests
     * read while the interceptor worked are released as it closes, never forwarded.
     */
    void closeForInterceptor(InstalledInterceptor interceptor, String reason) {
        LOG.warn("Interceptor {} closed the connection from {}: {}", interceptor, client.remoteAddress(), reason);
        closed = true;
        client.close();
    }

    /** Closes the connection over a request the gateway cannot take: released, counted and logged. */
    void protocolError(ByteBuf frame, String what) {
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
        responses.flushClient(); // answers the gateway gave itself while reading
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
        return forwarding.writeOwnRequest(request, body);
    }

    // ---- upstream side ----

    /** The upstream connection is gone: so is the client's, unless a refusal is on its way. */
    void upstreamClosed() {
        if (closed || refusing) {
            return; // a refusal in progress closes the client connection once its answer is out
        }
        responses.upstreamClosed();
        client.close();
    }

    void logInterceptorFailure(InstalledInterceptor interceptor, ApiKeys apiKey, Throwable failure) {
        LOG.warn("Interceptor {} failed on a {} from {}: {}", interceptor, apiKey.name, client.remoteAddress(),
                failure.toString());
        LOG.debug("Interceptor {} failure", interceptor, failure);
    }

    // ---- reads paused for several independent reasons ----

    /** Backpressure: the client is not read while the upstream connection cannot take more bytes. */
    void upstreamWritable(boolean writable) {
        if (writable) {
            resume(PAUSED_UPSTREAM_UNWRITABLE);
        } else {
            pause(PAUSED_UPSTREAM_UNWRITABLE);
        }
    }

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
}
