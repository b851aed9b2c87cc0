package io.streamgate.core.proxy;

import io.streamgate.core.address.BrokerAddressRewriter;
import io.streamgate.core.GatewayConfig;
import io.streamgate.core.auth.AuthenticationBackoff;
import io.streamgate.core.auth.GatewaySecurity;
import io.streamgate.core.auth.ListenerAuthentication;
import io.streamgate.core.chain.InterceptorRegistry;
import io.streamgate.core.metrics.GatewayMetrics;
import io.streamgate.core.vcluster.FetchSessionOwners;
import io.streamgate.core.vcluster.VirtualClusterPlacement;
import io.streamgate.core.upstream.UpstreamConnector;
import io.streamgate.core.upstream.UpstreamRoutes;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every connection pair shares: how to reach brokers, how to rewrite responses, which interceptors run,
 * where to count. All of it is thread-safe; a connection's own state is not shared.
 */
public final class ProxyServices {

    private final UpstreamRoutes routes;
    private final UpstreamConnector connector;
    private final Map<String, ResponseProcessor> responseProcessors;
    private final ResponseProcessor defaultResponseProcessor;
    private final InterceptorRegistry interceptors;
    private final TopicNames topicNames = new TopicNames();
    private final FetchSessionOwners fetchSessions = new FetchSessionOwners();
    private final GatewayMetrics metrics;
    private final GatewaySecurity security;
    private final boolean requireVirtualCluster;
    private final Set<ProxyConnection> connections = ConcurrentHashMap.newKeySet();
    /** Failed authentications slow down per client address across every listener. */
    private final AuthenticationBackoff authenticationBackoff = AuthenticationBackoff.defaults();
    private final Map<String, ListenerAuthentication> listenerAuthentication = new ConcurrentHashMap<>();

    /** Services for a gateway whose listeners all tell clients the addresses {@code addressRewriter} writes. */
    public ProxyServices(UpstreamRoutes routes, UpstreamConnector connector, BrokerAddressRewriter addressRewriter,
                         InterceptorRegistry interceptors, GatewayMetrics metrics, boolean streamFetchResponses,
                         GatewaySecurity security) {
        this(routes, connector, Map.of(), addressRewriter, interceptors, metrics, streamFetchResponses, security,
                false);
    }

    /**
     * Services for a gateway with several listeners, each telling its clients its own addresses.
     *
     * @param addressRewriters by listener name; a listener not named here uses {@code defaultRewriter}
     * @param requireVirtualCluster whether connections that land in no virtual cluster are refused
     */
    public ProxyServices(UpstreamRoutes routes, UpstreamConnector connector,
                         Map<String, BrokerAddressRewriter> addressRewriters, BrokerAddressRewriter defaultRewriter,
                         InterceptorRegistry interceptors, GatewayMetrics metrics, boolean streamFetchResponses,
                         GatewaySecurity security, boolean requireVirtualCluster) {
        this.requireVirtualCluster = requireVirtualCluster;
        this.routes = routes;
        this.connector = connector;
        Map<String, ResponseProcessor> processors = new HashMap<>();
        addressRewriters.forEach((listener, rewriter) -> processors.put(listener,
                new ResponseProcessor(rewriter, topicNames, metrics, streamFetchResponses)));
        this.responseProcessors = Map.copyOf(processors);
        this.defaultResponseProcessor = new ResponseProcessor(defaultRewriter, topicNames, metrics,
                streamFetchResponses);
        this.interceptors = interceptors;
        this.metrics = metrics;
        this.security = security;
        metrics.inFlightRequests(this::inFlightRequests);
    }

    UpstreamRoutes routes() {
        return routes;
    }

    UpstreamConnector connector() {
        return connector;
    }

    /** The response processing of connections to {@code listener}: addresses are rewritten to that listener's. */
    ResponseProcessor responseProcessor(String listener) {
        return responseProcessors.getOrDefault(listener, defaultResponseProcessor);
    }

    InterceptorRegistry interceptors() {
        return interceptors;
    }

    TopicNames topicNames() {
        return topicNames;
    }

    FetchSessionOwners fetchSessions() {
        return fetchSessions;
    }

    GatewayMetrics metrics() {
        return metrics;
    }

    GatewaySecurity security() {
        return security;
    }

    /** How clients of {@code listener} authenticate; made once per listener. */
    public ListenerAuthentication authentication(GatewayConfig.ListenerConfig listener) {
        return listenerAuthentication.computeIfAbsent(listener.name(), name -> new ListenerAuthentication(name,
                listener.usesSasl(), listener.authentication(), security, metrics, authenticationBackoff,
                new VirtualClusterPlacement(name, listener.virtualCluster(), requireVirtualCluster,
                        security.virtualClusters())));
    }

    /** Releases what authentication holds (JWKS refreshers). */
    public void close() {
        listenerAuthentication.values().forEach(ListenerAuthentication::close);
        listenerAuthentication.clear();
    }

    void register(ProxyConnection connection) {
        connections.add(connection);
    }

    void unregister(ProxyConnection connection) {
        connections.remove(connection);
    }

    /** Requests read from clients and not yet answered, over all connections. */
    public int inFlightRequests() {
        int inFlight = 0;
        for (ProxyConnection connection : connections) {
            inFlight += connection.inFlightRequests();
        }
        return inFlight;
    }

    /** The connection pairs open now. */
    public Set<ProxyConnection> connections() {
        return Set.copyOf(connections);
    }
}
