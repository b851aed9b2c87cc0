package io.streamgate.core.proxy;

import io.streamgate.core.address.BrokerAddressRewriter;
import io.streamgate.core.GatewayConfig;
import io.streamgate.core.auth.AuthenticationBackoff;
import io.streamgate.core.auth.GatewaySecurity;
import io.streamgate.core.auth.ListenerAuthentication;
import io.streamgate.core.chain.InterceptorRegistry;
import io.streamgate.core.metrics.GatewayMetrics;
import io.streamgate.core.upstream.UpstreamConnector;
import io.streamgate.core.upstream.UpstreamRoutes;

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
    private final ResponseProcessor responseProcessor;
    private final InterceptorRegistry interceptors;
    private final TopicNames topicNames = new TopicNames();
    private final GatewayMetrics metrics;
    private final GatewaySecurity security;
    private final Set<ProxyConnection> connections = ConcurrentHashMap.newKeySet();
    /** Failed authentications slow down per client address across every listener. */
    private final AuthenticationBackoff authenticationBackoff = AuthenticationBackoff.defaults();
    private final Map<String, ListenerAuthentication> listenerAuthentication = new ConcurrentHashMap<>();

    public ProxyServices(UpstreamRoutes routes, UpstreamConnector connector, BrokerAddressRewriter addressRewriter,
                         InterceptorRegistry interceptors, GatewayMetrics metrics, boolean streamFetchResponses,
                         GatewaySecurity security) {
        this.routes = routes;
        this.connector = connector;
        this.responseProcessor = new ResponseProcessor(addressRewriter, topicNames, metrics, streamFetchResponses);
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

    ResponseProcessor responseProcessor() {
        return responseProcessor;
    }

    InterceptorRegistry interceptors() {
        return interceptors;
    }

    TopicNames topicNames() {
        return topicNames;
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
                listener.usesSasl(), listener.authentication(), security, metrics, authenticationBackoff));
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
