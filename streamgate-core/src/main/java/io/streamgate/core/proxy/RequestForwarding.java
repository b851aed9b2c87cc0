package io.streamgate.core.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.streamgate.core.chain.EffectiveChain;
import io.streamgate.core.chain.InstalledInterceptor;
import io.streamgate.core.frame.RequestFrames;
import io.streamgate.core.metrics.GatewayMetrics;
import io.streamgate.core.protocol.DecodedRequest;
import io.streamgate.core.protocol.KafkaMessageCodec;
import io.streamgate.core.vcluster.Tenant;
import io.streamgate.core.vcluster.mapping.ApiMappers;
import io.streamgate.core.vcluster.mapping.Mapping;
import org.apache.kafka.common.message.RequestHeaderData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Consumer;

/**
 * The request side of one connection pair, from the moment a request is admitted: takes it through the request hooks
 * of the connection's chain and, for a virtual-cluster connection, maps it to the physical cluster; then sends it
 * upstream or has the gateway answer it. A request no hook and no mapping changed goes as the bytes read, with only
 * the correlation id patched: the gateway numbers requests on the upstream connection itself, so that it can send
 * requests of its own in between. While a request is in an asynchronous hook, the requests after it are held and the
 * client is not read. Confined to the connection's event loop.
 */
final class RequestForwarding {

    private static final Logger LOG = LoggerFactory.getLogger(RequestForwarding.class);
    private static final String OWN_CLIENT_ID = "streamgate";

    private final ProxyConnection connection;
    private final Channel client;
    private final ConnectionAdmission connectionHooks;
    private final ResponseForwarding responses;
    private final GatewayMetrics metrics;
    private int nextUpstreamCorrelationId;

    RequestForwarding(ProxyConnection connection, Channel client, ConnectionAdmission connectionHooks,
                      ResponseForwarding responses, GatewayMetrics metrics) {
        this.connection = connection;
        this.client = client;
        this.connectionHooks = connectionHooks;
        this.responses = responses;
        this.metrics = metrics;
    }

    /** Takes a request admitted by authentication (and the connection hooks) through the chain, or past it. */
    void toChain(ByteBuf frame, ApiKeys apiKey, short version, int correlationId, long now, boolean expectsResponse,
                 EffectiveChain current) {
        Tenant tenant = null;
        ClientConnectionInfo info = connection.info();
        if (info.identity().virtualCluster().isPresent() && !ApiMappers.passesUnmapped(apiKey)) {
            tenant = connection.currentTenant();
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

    /** Sends the frame's bytes upstream, with only the correlation id changed (and the client id, if hooks say so). */
    private void forward(ByteBuf clientFrame, InFlightRequest request, boolean expectsResponse) {
        ByteBuf frame = !request.chain.hasConnectionHooks() ? clientFrame
                : connectionHooks.toBroker(client.alloc(), clientFrame, request.apiKey, request.apiVersion);
        int upstreamCorrelationId = nextUpstreamCorrelationId++;
        RequestFrames.setCorrelationId(frame, upstreamCorrelationId);
        if (expectsResponse) {
            responses.await(request, upstreamCorrelationId);
            responses.owe(request);
        }
        Channel upstream = connection.upstream();
        upstream.write(frame, upstream.voidPromise());
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
            connection.protocolError(frame, "malformed " + request.apiKey.name + " v" + request.apiVersion
                    + " request (" + e.getMessage() + ")");
            return;
        }
        metrics.requestDecoded(request.apiKey);
        connection.info().clientId(decoded.header().clientId());
        connection.intercepting(true);
        boolean[] running = {true};
        boolean[] finished = {false};
        Runnable finish = () -> {
            frame.release(); // the decoded request may point into it until here
            connection.intercepting(false);
            finished[0] = true;
            if (!running[0]) { // finished later, asynchronously: pick up where reading stopped
                connection.resumeAfterHooks();
                connection.processHeldRequests();
                responses.flushClient();
            }
        };
        Consumer<RequestInterception.Result> afterHooks = result -> {
            if (!connection.closed() && tenant != null
                    && result instanceof RequestInterception.Result.Forwarded forwarded) {
                mapForTenant(frame, forwarded.changed(), request, decoded.header(), forwarded.body(),
                        expectsResponse, tenant, finish);
                return;
            }
            try {
                if (!connection.closed()) {
                    afterRequestHooks(frame, request, decoded.header(), result, expectsResponse);
                }
            } finally {
                finish.run();
            }
        };
        if (stages.length == 0) {
            afterHooks.accept(new RequestInterception.Result.Forwarded(decoded.body(), false));
        } else {
            new RequestInterception(connection, request, stages, decoded.body(), afterHooks).run();
        }
        running[0] = false;
        if (!finished[0]) {
            connection.pauseForHooks(); // a hook is working asynchronously: later requests wait for it
        }
    }

    /**
     * Maps a virtual-cluster connection's request, which the request hooks have let through, to the physical cluster,
     * and sends it, or answers it; then runs {@code finish}. A request the mapping leaves unchanged, and that no hook
     * changed, goes as the client's bytes ({@code frame}).
     */
    private void mapForTenant(ByteBuf frame, boolean hooksChanged, InFlightRequest request, RequestHeaderData header,
                              ApiMessage body, boolean expectsResponse, Tenant tenant, Runnable finish) {
        new TenantRequestMapping(connection, request.apiKey, request.apiVersion, body, tenant).run(mapping -> {
            try {
                if (connection.closed()) {
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
                    responses.owe(request);
                    answer.response().whenComplete((response, failure) -> connection.onEventLoop(() -> {
                        if (!connection.closed()) {
                            responses.respond(request, request.apiVersion, response, null, null);
                            responses.flushClient();
                        }
                    }));
                }
            } finally {
                finish.run();
            }
        });
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
                responses.await(request, upstreamCorrelationId);
                responses.owe(request);
            }
            Channel upstream = connection.upstream();
            upstream.write(encoded, upstream.voidPromise());
        } else if (result instanceof RequestInterception.Result.Answered answered) {
            if (!expectsResponse) {
                LOG.debug("Interceptor {} answered an acks=0 produce from {}; the client expects no answer",
                        answered.by(), client.remoteAddress());
                return;
            }
            request.responseLimit = request.chain.positionOf(answered.by());
            responses.owe(request);
            responses.respond(request, request.apiVersion, answered.response(), null, null);
        } else if (result instanceof RequestInterception.Result.Closed closing) {
            connection.closeForInterceptor(closing.by(), closing.reason());
        }
    }

    /**
     * Writes a request of the gateway's own upstream, in order with the client's, under a correlation id of its own;
     * false when the upstream connection is not open.
     */
    boolean writeOwnRequest(InFlightRequest request, ApiMessage body) {
        Channel upstream = connection.upstream();
        if (connection.closed() || upstream == null) {
            return false;
        }
        int upstreamCorrelationId = nextUpstreamCorrelationId++;
        RequestHeaderData header = new RequestHeaderData().setRequestApiKey(request.apiKey.id)
                .setRequestApiVersion(request.apiVersion).setClientId(OWN_CLIENT_ID)
                .setCorrelationId(upstreamCorrelationId);
        responses.await(request, upstreamCorrelationId);
        upstream.writeAndFlush(KafkaMessageCodec.encodeRequest(client.alloc(), header, body), upstream.voidPromise());
        return true;
    }
}
