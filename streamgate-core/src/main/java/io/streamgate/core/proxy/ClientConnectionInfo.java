package io.streamgate.core.proxy;

import io.streamgate.api.ConnectionInfo;
import io.streamgate.core.auth.Identity;
import io.streamgate.core.chain.ChainIdentity;

import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the gateway knows of one client connection: where it comes from, on which listener, and, once it has
 * authenticated, who it is and which virtual cluster it landed in. Until then it is {@link Identity#ANONYMOUS}, in its
 * listener's virtual cluster if it has one. Confined to the connection's event loop.
 */
final class ClientConnectionInfo implements ConnectionInfo {

    private static final AtomicLong IDS = new AtomicLong();

    private final String id = "c" + IDS.incrementAndGet();
    private final InetSocketAddress clientAddress;
    private final String listener;
    private final Map<String, Object> attributes = new HashMap<>();
    private String clientId = "";
    private Identity identity = Identity.ANONYMOUS;
    private X509Certificate clientCertificate;

    ClientConnectionInfo(InetSocketAddress clientAddress, String listener) {
        this.clientAddress = clientAddress;
        this.listener = listener;
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
        return listener;
    }

    @Override
    public Optional<X509Certificate> clientCertificate() {
        return Optional.ofNullable(clientCertificate);
    }

    void clientCertificate(X509Certificate certificate) {
        this.clientCertificate = certificate;
    }

    @Override
    public String principal() {
        return identity.principal();
    }

    @Override
    public Optional<String> serviceAccount() {
        return identity.serviceAccount();
    }

    @Override
    public Set<String> groups() {
        return identity.groups();
    }

    Identity identity() {
        return identity;
    }

    /** Who the connection has proved to be; selects its interceptors from the next request on. */
    void identity(Identity identity) {
        this.identity = identity;
    }

    @Override
    public Optional<String> virtualCluster() {
        return identity.virtualCluster();
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
