package io.streamgate.core.auth;

import io.streamgate.core.metrics.GatewayMetrics;
import org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule;

import io.streamgate.core.vcluster.VirtualClusterPlacement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How clients of one listener authenticate, shared by its connections: the mechanisms offered, the directory and JWT
 * validation behind them, and where outcomes are counted and audited. Thread-safe.
 */
public final class ListenerAuthentication implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ListenerAuthentication.class);

    private final String listener;
    private final boolean saslRequired;
    private final AuthenticationConfig config;
    private final GatewaySecurity security;
    private final GatewayMetrics metrics;
    private final AuthenticationBackoff backoff;
    private final OAuthBearerValidation oauth;
    private final CertificatePrincipals certificates;
    private final VirtualClusterPlacement placement;

    /**
     * @param saslRequired whether clients of the listener must authenticate with SASL (SASL_PLAINTEXT, SASL_SSL)
     * @param placement which virtual cluster the listener's connections land in
     */
    public ListenerAuthentication(String listener, boolean saslRequired, AuthenticationConfig config,
                                  GatewaySecurity security, GatewayMetrics metrics, AuthenticationBackoff backoff,
                                  VirtualClusterPlacement placement) {
        this.placement = placement;
        this.listener = listener;
        this.saslRequired = saslRequired;
        this.config = config;
        this.security = security;
        this.metrics = metrics;
        this.backoff = backoff;
        this.oauth = saslRequired && config.mode() == AuthenticationMode.GATEWAY
                && config.saslMechanisms().contains(OAuthBearerLoginModule.OAUTHBEARER_MECHANISM)
                ? new OAuthBearerValidation(config.oauthBearer()) : null;
        this.certificates = new CertificatePrincipals(config.principalMappingRules(), security.directory());
    }

    /** The authentication state of a new connection from {@code client}. */
    public ClientAuthenticator newConnection(InetSocketAddress client) {
        return new ClientAuthenticator(this, client);
    }

    public String listener() {
        return listener;
    }

    public boolean saslRequired() {
        return saslRequired;
    }

    public AuthenticationConfig config() {
        return config;
    }

    public List<String> mechanisms() {
        return config.saslMechanisms();
    }

    /** Maps client certificates to identities. */
    public CertificatePrincipals certificates() {
        return certificates;
    }

    IdentityDirectory directory() {
        return security.directory();
    }

    OAuthBearerValidation oauth() {
        return oauth;
    }

    AuthenticationBackoff backoff() {
        return backoff;
    }

    public GatewayMetrics metrics() {
        return metrics;
    }

    /**
     * A client certificate on a TLS listener without SASL: who it proves its holder to be, counted and audited as
     * mechanism {@code SSL}.
     *
     * @throws AuthenticationFailedException when no mapping rule gives the subject a principal
     */
    public Identity authenticateCertificate(InetSocketAddress client, X509Certificate certificate)
            throws AuthenticationFailedException {
        Identity identity;
        try {
            identity = certificates.identify(certificate);
        } catch (AuthenticationFailedException e) {
            record(client, "SSL", null, false, AuthenticationFailure.INVALID_CREDENTIALS, e.getMessage());
            throw e;
        }
        try {
            identity = place(identity);
        } catch (AuthenticationFailedException e) {
            record(client, "SSL", identity.principal(), false, AuthenticationFailure.NO_VIRTUAL_CLUSTER,
                    e.getMessage());
            throw e;
        }
        record(client, "SSL", identity.principal(), false, null, null);
        return identity;
    }

    /**
     * The identity with the virtual cluster it lands in through its service account or this listener.
     *
     * @throws AuthenticationFailedException when it may land in none
     */
    public Identity place(Identity identity) throws AuthenticationFailedException {
        String virtualCluster = placement.place(identity);
        return new Identity(identity.principal(), identity.serviceAccount(), identity.groups(),
                Optional.ofNullable(virtualCluster));
    }

    /** Counts and audits one decided authentication. */
    void record(InetSocketAddress client, String mechanism, String principal, boolean reauthentication,
                AuthenticationFailure failure, String reason) {
        metrics.authenticated(listener, mechanism, reauthentication, failure == null,
                failure == null ? "none" : failure.tag());
        audit(client, mechanism, principal, failure == null, reason);
    }

    /**
     * Audits a connection closed before it authenticated (counted in {@code streamgate.authentication.closes}, not as
     * an authentication): {@code mechanism} and {@code principal} are null when the client never said.
     */
    public void auditUnauthenticatedClose(InetSocketAddress client, String mechanism, String principal,
                                          String reason) {
        audit(client, mechanism, principal, false, reason);
    }

    private void audit(InetSocketAddress client, String mechanism, String principal, boolean succeeded,
                       String reason) {
        try {
            security.audit().record(new AuthenticationEvent(Instant.now(), listener,
                    client.getAddress().getHostAddress() + ":" + client.getPort(), mechanism, principal,
                    succeeded, reason));
        } catch (RuntimeException e) { // an audit that fails must not break the connection
            LOG.warn("Cannot record an authentication of listener {} in the audit: {}", listener, e.toString());
        }
    }

    @Override
    public void close() {
        if (oauth != null) {
            oauth.close();
        }
    }
}
