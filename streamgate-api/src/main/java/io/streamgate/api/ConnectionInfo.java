package io.streamgate.api;

import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One client connection as the gateway knows it. Identity fields (principal, service account, groups,
 * virtual cluster) are set by authentication; until a connection authenticates, or on a listener without
 * authentication, the principal is {@code ANONYMOUS} and the others are empty.
 *
 * <p>Confined to the connection's event loop, like {@link #attributes()}.
 */
public interface ConnectionInfo {

    /** The principal of unauthenticated connections. */
    String ANONYMOUS = "ANONYMOUS";

    /** Unique for the life of the gateway process. */
    String id();

    InetSocketAddress clientAddress();

    /** The name of the listener the client connected to. */
    String listener();

    /** The client's TLS certificate, when it presented one. */
    Optional<X509Certificate> clientCertificate();

    /** The authenticated principal's name, or {@link #ANONYMOUS}. */
    String principal();

    /** The gateway service account the connection maps to, if any. */
    Optional<String> serviceAccount();

    /** The groups the connection belongs to. */
    Set<String> groups();

    /** The virtual cluster the connection landed in, if any. */
    Optional<String> virtualCluster();

    /** The client id of the latest request, as the client set it (may be empty). */
    String clientId();

    /**
     * Per-connection state for interceptors, e.g. a counter or a cache. Only ever touched from the
     * connection's event loop, so it needs no synchronization; keys should be prefixed with the plugin id.
     */
    Map<String, Object> attributes();
}
