package io.streamgate.core.auth;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How clients of one listener authenticate.
 *
 * @param mode who checks SASL credentials
 * @param saslMechanisms the SASL mechanisms offered on a SASL listener ({@code PLAIN}, {@code SCRAM-SHA-256},
 *     {@code SCRAM-SHA-512}, {@code OAUTHBEARER})
 * @param oauthBearer OAUTHBEARER validation, in Kafka's broker property names ({@code sasl.oauthbearer.jwks.endpoint.url}
 *     (an https or file URL), {@code sasl.oauthbearer.expected.issuer}, {@code sasl.oauthbearer.expected.audience},
 *     {@code sasl.oauthbearer.clock.skew.seconds}, {@code sasl.oauthbearer.sub.claim.name}), plus
 *     {@code sasl.oauthbearer.groups.claim.name}: the claim listing the external groups
 * @param principalMappingRules how a client certificate's subject becomes a principal, in Kafka's
 *     {@code ssl.principal.mapping.rules} syntax
 * @param maxSessionLifetime the longest a SASL session lasts before the client must re-authenticate (KIP-368), as
 *     Kafka's {@code connections.max.reauth.ms}; zero means no limit
 * @param authenticationTimeout how long a connection may stay unauthenticated before it is closed
 * @param maxUnauthenticatedFrameBytes the largest frame accepted before authentication completes
 */
public record AuthenticationConfig(
        AuthenticationMode mode,
        List<String> saslMechanisms,
        Map<String, String> oauthBearer,
        String principalMappingRules,
        Duration maxSessionLifetime,
        Duration authenticationTimeout,
        int maxUnauthenticatedFrameBytes) {

    /** Kafka's own limit for frames before authentication ({@code SaslServerAuthenticator.MAX_RECEIVE_SIZE}). */
    public static final int DEFAULT_MAX_UNAUTHENTICATED_FRAME_BYTES = 512 * 1024;

    public AuthenticationConfig {
        Objects.requireNonNull(mode, "mode");
        saslMechanisms = List.copyOf(saslMechanisms);
        oauthBearer = Map.copyOf(oauthBearer);
        Objects.requireNonNull(principalMappingRules, "principalMappingRules");
        Objects.requireNonNull(maxSessionLifetime, "maxSessionLifetime");
        Objects.requireNonNull(authenticationTimeout, "authenticationTimeout");
        if (maxUnauthenticatedFrameBytes <= 0) {
            throw new IllegalArgumentException("maxUnauthenticatedFrameBytes must be positive");
        }
    }

    public static AuthenticationConfig defaults() {
        return new AuthenticationConfig(AuthenticationMode.GATEWAY, List.of("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"),
                Map.of(), "DEFAULT", Duration.ZERO, Duration.ofSeconds(10), DEFAULT_MAX_UNAUTHENTICATED_FRAME_BYTES);
    }

    public AuthenticationConfig withMode(AuthenticationMode mode) {
        return new AuthenticationConfig(mode, saslMechanisms, oauthBearer, principalMappingRules, maxSessionLifetime,
                authenticationTimeout, maxUnauthenticatedFrameBytes);
    }

    public AuthenticationConfig withSaslMechanisms(List<String> saslMechanisms) {
        return new AuthenticationConfig(mode, saslMechanisms, oauthBearer, principalMappingRules, maxSessionLifetime,
                authenticationTimeout, maxUnauthenticatedFrameBytes);
    }

    public AuthenticationConfig withOauthBearer(Map<String, String> oauthBearer) {
        return new AuthenticationConfig(mode, saslMechanisms, oauthBearer, principalMappingRules, maxSessionLifetime,
                authenticationTimeout, maxUnauthenticatedFrameBytes);
    }

    public AuthenticationConfig withPrincipalMappingRules(String principalMappingRules) {
        return new AuthenticationConfig(mode, saslMechanisms, oauthBearer, principalMappingRules, maxSessionLifetime,
                authenticationTimeout, maxUnauthenticatedFrameBytes);
    }

    public AuthenticationConfig withMaxSessionLifetime(Duration maxSessionLifetime) {
        return new AuthenticationConfig(mode, saslMechanisms, oauthBearer, principalMappingRules, maxSessionLifetime,
                authenticationTimeout, maxUnauthenticatedFrameBytes);
    }

    public AuthenticationConfig withAuthenticationTimeout(Duration authenticationTimeout) {
        return new AuthenticationConfig(mode, saslMechanisms, oauthBearer, principalMappingRules, maxSessionLifetime,
                authenticationTimeout, maxUnauthenticatedFrameBytes);
    }

    public AuthenticationConfig withMaxUnauthenticatedFrameBytes(int maxUnauthenticatedFrameBytes) {
        return new AuthenticationConfig(mode, saslMechanisms, oauthBearer, principalMappingRules, maxSessionLifetime,
                authenticationTimeout, maxUnauthenticatedFrameBytes);
    }
}
