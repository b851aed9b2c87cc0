package io.streamgate.core.auth;

import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.security.oauthbearer.OAuthBearerExtensionsValidatorCallback;
import org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule;
import org.apache.kafka.common.security.oauthbearer.OAuthBearerToken;
import org.apache.kafka.common.security.oauthbearer.OAuthBearerValidatorCallback;
import org.apache.kafka.common.security.oauthbearer.internals.OAuthBearerSaslServer;
import org.apache.kafka.common.security.plain.internals.PlainSaslServer;
import org.apache.kafka.common.security.scram.internals.ScramMechanism;
import org.apache.kafka.common.security.scram.internals.ScramSaslServer;

import org.apache.kafka.common.security.auth.AuthenticateCallbackHandler;

import javax.security.auth.callback.Callback;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.sasl.SaslException;
import javax.security.sasl.SaslServer;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One SASL exchange with a client, run by Kafka's own server-side {@link SaslServer} for the mechanism, with
 * credentials from the {@link IdentityDirectory} (PLAIN, SCRAM) or a JWT validation (OAUTHBEARER). Confined to the
 * connection's event loop.
 */
final class SaslExchange {

    private final String mechanism;
    private final SaslServer server;
    private final DirectoryCallbackHandler directoryCallbacks;
    private final IdentityDirectory directory;
    private AuthenticationFailure failure = AuthenticationFailure.INVALID_CREDENTIALS;
    private String failureReason;
    private Set<String> tokenGroups = Set.of();

    private SaslExchange(String mechanism, IdentityDirectory directory, ScramMechanism scram,
                         OAuthBearerValidation oauth) throws NoSuchAlgorithmException {
        this.mechanism = mechanism;
        this.directory = directory;
        if (oauth != null) {
            directoryCallbacks = null;
            server = new OAuthBearerSaslServer(new OAuthCallbacks(oauth));
        } else {
            directoryCallbacks = new DirectoryCallbackHandler(directory, scram);
            server = scram == null ? new PlainSaslServer(directoryCallbacks)
                    : new ScramSaslServer(scram, Map.of(), directoryCallbacks);
        }
    }

    /** Starts an exchange for a mechanism the listener offers. */
    static SaslExchange start(String mechanism, IdentityDirectory directory, OAuthBearerValidation oauth) {
        try {
            if (OAuthBearerLoginModule.OAUTHBEARER_MECHANISM.equals(mechanism)) {
                return new SaslExchange(mechanism, directory, null, oauth);
            }
            ScramMechanism scram = ScramMechanism.forMechanismName(mechanism);
            if (scram == null && !PlainSaslServer.PLAIN_MECHANISM.equals(mechanism)) {
                throw new IllegalArgumentException("unsupported SASL mechanism " + mechanism);
            }
            return new SaslExchange(mechanism, directory, scram, null);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(mechanism + " is not available in this JVM", e);
        }
    }

    String mechanism() {
        return mechanism;
    }

    /**
     * Takes the client's next message; returns the server's answer.
     *
     * @throws SaslException (or Kafka's {@link SaslAuthenticationException}) when the client is refused: then see
     *     {@link #failure()} and {@link #failureReason()}
     */
    byte[] evaluate(byte[] response) throws SaslException {
        try {
            return server.evaluateResponse(response);
        } catch (SaslAuthenticationException e) {
            throw new SaslException("refused", e);
        } catch (RuntimeException e) { // a malformed message can make Kafka's parsers throw anything
            failure = AuthenticationFailure.ILLEGAL_STATE;
            failureReason = "malformed " + mechanism + " message";
            throw new SaslException("malformed", e);
        }
    }

    boolean isComplete() {
        return server.isComplete();
    }

    /** Who the client proved to be, once complete. */
    Identity identity() {
        if (directoryCallbacks != null && directoryCallbacks.identity() != null) {
            return directoryCallbacks.identity(); // PLAIN: the directory said who
        }
        return directory.resolve(principal(), tokenGroups);
    }

    /** The authenticated principal, once complete. */
    String principal() {
        if (directoryCallbacks != null && directoryCallbacks.identity() != null) {
            return directoryCallbacks.identity().principal();
        }
        if (server instanceof OAuthBearerSaslServer) {
            return token().principalName();
        }
        return server.getAuthorizationID();
    }

    /** When the credential stops being valid, once complete. */
    Optional<Instant> credentialExpiry() {
        if (server instanceof OAuthBearerSaslServer) {
            return Optional.of(Instant.ofEpochMilli(token().lifetimeMs()));
        }
        return directoryCallbacks.expiry();
    }

    /** The name the client claimed, for the audit of a failure; null if unknown. */
    String claimedName() {
        return directoryCallbacks == null ? null : directoryCallbacks.username();
    }

    AuthenticationFailure failure() {
        return failure;
    }

    /** Why it failed, safe to audit: never the secret nor the client's bytes. */
    String failureReason() {
        if (failureReason != null) {
            return failureReason;
        }
        if (directoryCallbacks != null && directoryCallbacks.failureReason() != null) {
            return directoryCallbacks.failureReason();
        }
        return server instanceof OAuthBearerSaslServer ? "invalid token"
                : server instanceof ScramSaslServer ? "invalid SCRAM proof" : "invalid credentials";
    }

    void dispose() {
        try {
            server.dispose();
        } catch (SaslException e) {
            // nothing held
        }
    }

    private OAuthBearerToken token() {
        return (OAuthBearerToken) server.getNegotiatedProperty(OAuthBearerLoginModule.OAUTHBEARER_MECHANISM + ".token");
    }

    /** Kafka's OAUTHBEARER server insists on an {@link AuthenticateCallbackHandler}. */
    private final class OAuthCallbacks implements AuthenticateCallbackHandler {
        private final OAuthBearerValidation oauth;

        OAuthCallbacks(OAuthBearerValidation oauth) {
            this.oauth = oauth;
        }

        @Override
        public void configure(Map<String, ?> configs, String saslMechanism, List<AppConfigurationEntry> entries) {
        }

        @Override
        public void handle(Callback[] callbacks) throws UnsupportedCallbackException {
            handleOAuth(oauth, callbacks);
        }

        @Override
        public void close() {
        }
    }

    private void handleOAuth(OAuthBearerValidation oauth, Callback[] callbacks) throws UnsupportedCallbackException {
        for (Callback callback : callbacks) {
            if (callback instanceof OAuthBearerValidatorCallback validation) {
                try {
                    OAuthBearerValidation.Validated validated = oauth.validate(validation.tokenValue());
                    tokenGroups = validated.groups();
                    validation.token(validated.token());
                } catch (AuthenticationFailedException e) {
                    failure = AuthenticationFailure.INVALID_TOKEN;
                    failureReason = e.getMessage();
                    validation.error("invalid_token", null, null);
                }
            } else if (callback instanceof OAuthBearerExtensionsValidatorCallback extensions) {
                extensions.inputExtensions().map().keySet().forEach(extensions::valid); // as Kafka's own handler
            } else {
                throw new UnsupportedCallbackException(callback);
            }
        }
    }
}
