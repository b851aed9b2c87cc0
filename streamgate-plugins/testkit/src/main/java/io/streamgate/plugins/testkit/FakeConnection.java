package io.streamgate.plugins.testkit;

import io.streamgate.api.ConnectionInfo;

import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A client connection with settable identity, for hooks under test. By default: id {@code connection-1} on
 * listener {@code plain}, from {@code 192.0.2.7:51234}, principal {@link ConnectionInfo#ANONYMOUS}, client id
 * {@code test-client}, no virtual cluster, no TLS certificate, service account or groups. {@link #attributes()}
 * is a plain mutable map, so a test can share one connection between several contexts, as the gateway does
 * for the requests of one connection.
 */
public final class FakeConnection implements ConnectionInfo {

    private String principal = ANONYMOUS;
    private String clientId = "test-client";
    private String virtualCluster;
    private String serviceAccount;
    private InetSocketAddress clientAddress = new InetSocketAddress("192.0.2.7", 51234);
    private final Map<String, Object> attributes = new HashMap<>();

    public FakeConnection principal(String principal) {
        this.principal = principal;
        return this;
    }

    public FakeConnection clientId(String clientId) {
        this.clientId = clientId;
        return this;
    }

    public FakeConnection virtualCluster(String virtualCluster) {
        this.virtualCluster = virtualCluster;
        return this;
    }

    public FakeConnection serviceAccount(String serviceAccount) {
        this.serviceAccount = serviceAccount;
        return this;
    }

    public FakeConnection clientAddress(InetSocketAddress clientAddress) {
        this.clientAddress = clientAddress;
        return this;
    }

    @Override
    public String id() {
        return "connection-1";
    }

    @Override
    public InetSocketAddress clientAddress() {
        return clientAddress;
    }

    @Override
    public String listener() {
        return "plain";
    }

    @Override
    public Optional<X509Certificate> clientCertificate() {
        return Optional.empty();
    }

    @Override
    public String principal() {
        return principal;
    }

    @Override
    public Optional<String> serviceAccount() {
        return Optional.ofNullable(serviceAccount);
    }

    @Override
    public Set<String> groups() {
        return Set.of();
    }

    @Override
    public Optional<String> virtualCluster() {
        return Optional.ofNullable(virtualCluster);
    }

    @Override
    public String clientId() {
        return clientId;
    }

    @Override
    public Map<String, Object> attributes() {
        return attributes;
    }
}
