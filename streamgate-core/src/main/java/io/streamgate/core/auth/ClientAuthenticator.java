package io.streamgate.core.auth;

import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;

import javax.security.sasl.SaslException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The authentication state of one client connection, a small state machine run on the connection's event loop:
 * which requests may pass (before authentication only ApiVersions, SaslHandshake and SaslAuthenticate; after the
 * session expires, only the SASL requests of a re-authentication, KIP-368), and, on a gateway-managed listener, the
 * answers to SaslHandshake and SaslAuthenticate. It counts and audits every decided authentication.
 */
public final class ClientAuthenticator {

    /** What may happen to a request now. */
    public enum Admission {
        /** Goes on as usual. */
        PASS,
        /** A SASL request the gateway answers itself. */
        ANSWER,
        /** A SASL request relayed to the broker, whose exchange the gateway watches (delegated mode). */
        RELAY,
        /** Not allowed before authentication: close the connection. */
        REFUSE_UNAUTHENTICATED,
        /** The session expired without re-authentication: close the connection. */
        REFUSE_EXPIRED
    }

    /** The gateway's answer to a SaslAuthenticate. */
    public sealed interface Step {
        /** The exchange goes on: send {@code challenge}. */
        record Challenge(byte[] challenge) implements Step {
        }

        /**
         * The client is authenticated (again): send {@code finalMessage} with {@code sessionLifetimeMs} (0 = no
         * limit), and take {@code identity} from the next request on.
         */
        record Authenticated(byte[] finalMessage, Identity identity, long sessionLifetimeMs,
                             boolean reauthentication) implements Step {
        }

        /**
         * Refused: after {@code delayMillis}, answer {@code error} with {@code message} (which names no secret), then
         * close the connection, as a broker does.
         */
        record Refused(Errors error, String message, long delayMillis) implements Step {
        }
    }

    private final ListenerAuthentication listener;
    private final InetSocketAddress client;
    private SaslExchange exchange;
    private RelayedExchange relayed;
    private Identity identity;
    private String sessionMechanism;
    private long sessionExpiresAtMillis = Long.MAX_VALUE;

    ClientAuthenticator(ListenerAuthentication listener, InetSocketAddress client) {
        this.listener = listener;
        this.client = client;
    }

    /** Whether the connection must authenticate with SASL before anything but ApiVersions. */
    public boolean required() {
        return listener.saslRequired();
    }

    /** Whether the client has authenticated (at least once). */
    public boolean authenticated() {
        return identity != null;
    }

    /** What to do with a request of {@code apiKey} arriving at {@code nowMillis}. */
    public Admission admit(ApiKeys apiKey, long nowMillis) {
        if (!required()) {
            return Admission.PASS;
        }
        if (apiKey == ApiKeys.SASL_HANDSHAKE || apiKey == ApiKeys.SASL_AUTHENTICATE) {
            return listener.config().mode() == AuthenticationMode.GATEWAY ? Admission.ANSWER : Admission.RELAY;
        }
        if (apiKey == ApiKeys.API_VERSIONS) {
            return Admission.PASS;
        }
        if (identity == null) {
            return Admission.REFUSE_UNAUTHENTICATED;
        }
        return nowMillis >= sessionExpiresAtMillis ? Admission.REFUSE_EXPIRED : Admission.PASS;
    }

    /**
     * A SaslHandshake: the error (NONE when {@code mechanism} is offered and the exchange may start). On an error the
     * connection is closed after the answer, as a broker does.
     */
    public Errors handshake(String mechanism) {
        if (exchange != null) {
            fail(mechanism, null, AuthenticationFailure.ILLEGAL_STATE, "SaslHandshake in the middle of an exchange");
            return Errors.ILLEGAL_SASL_STATE;
        }
        if (!listener.mechanisms().contains(mechanism)) {
            fail(safeMechanism(mechanism), null, AuthenticationFailure.UNSUPPORTED_MECHANISM,
                    "SASL mechanism not offered by the listener");
            return Errors.UNSUPPORTED_SASL_MECHANISM;
        }
        if (sessionMechanism != null && !sessionMechanism.equals(mechanism)) {
            fail(mechanism, identity.principal(), AuthenticationFailure.PRINCIPAL_CHANGED,
                    "re-authentication with another SASL mechanism than " + sessionMechanism);
            return Errors.ILLEGAL_SASL_STATE;
        }
        exchange = SaslExchange.start(mechanism, listener.directory(), listener.oauth());
        return Errors.NONE;
    }

    /** A SaslAuthenticate carrying the client's next message. */
    public Step authenticate(byte[] message, long nowMillis) {
        if (exchange == null) {
            return fail("none", null, AuthenticationFailure.ILLEGAL_STATE, "SaslAuthenticate before SaslHandshake");
        }
        SaslExchange current = exchange;
        byte[] answer;
        try {
            answer = current.evaluate(message);
        } catch (SaslException e) {
            exchange = null;
            current.dispose();
            return fail(current.mechanism(), current.claimedName(), current.failure(), current.failureReason());
        }
        if (!current.isComplete()) {
            return new Step.Challenge(answer == null ? new byte[0] : answer);
        }
        exchange = null;
        Identity proved = current.identity();
        Optional<Instant> credentialExpiry = current.credentialExpiry();
        boolean reauthentication = identity != null;
        current.dispose(); // forgets what it negotiated: read it all first
        if (reauthentication && !identity.principal().equals(proved.principal())) {
            return fail(current.mechanism(), proved.principal(), AuthenticationFailure.PRINCIPAL_CHANGED,
                    "re-authentication as another principal than " + identity.principal());
        }
        try {
            proved = listener.place(proved);
        } catch (AuthenticationFailedException e) {
            return fail(current.mechanism(), proved.principal(), AuthenticationFailure.NO_VIRTUAL_CLUSTER,
                    e.getMessage());
        }
        long lifetime = sessionLifetimeMillis(credentialExpiry, nowMillis);
        identity = proved;
        sessionMechanism = current.mechanism();
        sessionExpiresAtMillis = lifetime == 0 ? Long.MAX_VALUE : nowMillis + lifetime;
        listener.backoff().succeeded(client.getAddress());
        listener.record(client, current.mechanism(), proved.principal(), reauthentication, null, null);
        return new Step.Authenticated(answer == null ? new byte[0] : answer, proved, lifetime, reauthentication);
    }

    /** Delegated authentication: the client's SaslHandshake, on its way to the broker. */
    public void relayedHandshake(String mechanism) {
        relayed = new RelayedExchange(mechanism, listener.config().oauthBearer());
    }

    /** Delegated authentication: a SaslAuthenticate of the client, on its way to the broker. */
    public void relayedAuthenticate(byte[] message) {
        if (relayed != null) {
            relayed.clientMessage(message);
        }
    }

    /** What the broker's answer to a relayed SaslAuthenticate means. */
    public sealed interface RelayedOutcome {
        /** The exchange goes on. */
        record Continuing() implements RelayedOutcome {
        }

        /** The broker accepted the client, who is now {@code identity}. */
        record Accepted(Identity identity) implements RelayedOutcome {
        }

        /**
         * The client is refused: its answer waits {@code delayMillis}, as repeated failures earn. When the broker refused,
         * its answer goes to the client ({@code gatewayRefusal} null); when the broker accepted but the gateway refuses
         * (the principal may land in no virtual cluster), the client gets {@code gatewayRefusal} instead.
         */
        record Refused(long delayMillis, String gatewayRefusal) implements RelayedOutcome {
        }
    }

    /** Delegated authentication: the broker's answer to a relayed SaslAuthenticate. */
    public RelayedOutcome relayedResult(short errorCode, byte[] brokerMessage, long sessionLifetimeMs,
                                        long nowMillis) {
        RelayedExchange current = relayed;
        if (current == null) {
            return new RelayedOutcome.Continuing();
        }
        boolean reauthentication = identity != null;
        if (errorCode != Errors.NONE.code()) {
            relayed = null;
            long delay = listener.backoff().failed(client.getAddress(), nowMillis);
            listener.record(client, safeMechanism(current.mechanism()), current.principal(), reauthentication,
                    AuthenticationFailure.BROKER_REFUSED, "refused by the broker: " + Errors.forCode(errorCode).name());
            return new RelayedOutcome.Refused(delay, null);
        }
        if (!current.completesWith(brokerMessage)) {
            return new RelayedOutcome.Continuing();
        }
        relayed = null;
        String principal = current.principal() == null ? "unknown" : current.principal();
        Identity resolved = listener.directory().resolve(principal, java.util.Set.of());
        try {
            resolved = listener.place(resolved);
        } catch (AuthenticationFailedException e) {
            long delay = listener.backoff().failed(client.getAddress(), nowMillis);
            listener.record(client, safeMechanism(current.mechanism()), principal, reauthentication,
                    AuthenticationFailure.NO_VIRTUAL_CLUSTER, e.getMessage());
            return new RelayedOutcome.Refused(delay, "Authentication failed: " + e.getMessage());
        }
        identity = resolved;
        sessionMechanism = current.mechanism();
        sessionExpiresAtMillis = sessionLifetimeMs > 0 ? nowMillis + sessionLifetimeMs : Long.MAX_VALUE;
        listener.backoff().succeeded(client.getAddress());
        listener.record(client, safeMechanism(current.mechanism()), principal, reauthentication, null, null);
        return new RelayedOutcome.Accepted(identity);
    }

    /** The smaller of the listener's maximum session lifetime and the credential's remaining validity; 0 = none. */
    private long sessionLifetimeMillis(Optional<Instant> credentialExpiry, long nowMillis) {
        Duration max = listener.config().maxSessionLifetime();
        long lifetime = max.isZero() || max.isNegative() ? Long.MAX_VALUE : max.toMillis();
        if (credentialExpiry.isPresent()) {
            lifetime = Math.min(lifetime, Math.max(1, credentialExpiry.get().toEpochMilli() - nowMillis));
        }
        return lifetime == Long.MAX_VALUE ? 0 : lifetime;
    }

    private Step.Refused fail(String mechanism, String principal, AuthenticationFailure failure, String reason) {
        boolean reauthentication = identity != null;
        listener.record(client, mechanism, principal, reauthentication, failure, reason);
        long delay = listener.backoff().failed(client.getAddress(), System.currentTimeMillis());
        Errors error = switch (failure) {
            case UNSUPPORTED_MECHANISM -> Errors.UNSUPPORTED_SASL_MECHANISM;
            case ILLEGAL_STATE -> Errors.ILLEGAL_SASL_STATE;
            default -> Errors.SASL_AUTHENTICATION_FAILED;
        };
        String message = switch (failure) {
            case PRINCIPAL_CHANGED -> "Re-authentication failed: the principal or mechanism changed";
            case ILLEGAL_STATE -> "Authentication failed: unexpected SASL message";
            case UNSUPPORTED_MECHANISM -> "Authentication failed: unsupported SASL mechanism";
            case NO_VIRTUAL_CLUSTER -> "Authentication failed: " + reason;
            default -> "Authentication failed during authentication due to invalid credentials with SASL mechanism "
                    + mechanism;
        };
        return new Step.Refused(error, message, delay);
    }

    /** A mechanism name the client sent, only if it is one the metrics may carry as a tag. */
    private String safeMechanism(String mechanism) {
        return switch (mechanism == null ? "" : mechanism) {
            case "PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512", "OAUTHBEARER", "GSSAPI" -> mechanism;
            default -> "other";
        };
    }

    /** The connection is closing. */
    public void close() {
        if (exchange != null) {
            exchange.dispose();
            exchange = null;
        }
    }
}
