package io.streamgate.core.proxy;

import io.streamgate.api.ConnectionInfo;
import io.streamgate.core.chain.ChainIdentity;

import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the gateway knows of one client connection. Until authentication exists every connection is
 * anonymous, in no virtual cluster and no group. Confined to the connection's event loop.
 */
final class ClientConnectionInfo implements ConnectionInfo {

    private static final AtomicLong IDS = new AtomicLong();
    private static final String LISTENER = "default";

    private final String id = "c" + IDS.incrementAndGet();
    private final InetSocketAddress clientAddress;
    private final Map<String, Object> attributes = new HashMap<>();
    private String clientId = "";

    ClientConnectionInfo(InetSocketAddress clientAddress) {
        this.clientAddress = clientAddress;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public InetSocketAddress clientAddress() {
        return clientAddress;
    }

    @Override
    public String listener() {
        return LISTENER;
    }

    @Override
    public Optional<X509Certificate> clientCertificate() {
        return Optional.empty();
    }

    @Override
    public String principal() {
        return ANONYMOUS;
    }

    @Override
    public Optional<String> serviceAccount() {
        return Optional.empty();
    }

    @Override
    public Set<String> groups() {
        return Set.of();
    }

    @Override
    public Optional<String> virtualCluster() {
        return Optional.empty();
    }

    @Override
    public String clientId() {
        return clientId;
    }

    void clientId(String clientId) {
        this.clientId = clientId == null ? "" : clientId;
    }

    @Override
    public Map<String, Object> attributes() {
        return attributes;
    }

    /** What selects this connection's interceptors. */
    ChainIdentity chainIdentity() {
        return new ChainIdentity(virtualCluster().orElse(null), principal(), groups());
    }
}
