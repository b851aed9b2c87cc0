package io.streamgate.core.auth;

import org.apache.kafka.common.security.scram.ScramCredential;
import org.apache.kafka.common.security.scram.internals.ScramMechanism;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The gateway's service accounts and groups, as authentication needs them. Implementations are thread-safe and
 * answer from memory (they are called on event loops); the resource store keeps them current.
 */
public interface IdentityDirectory {

    /**
     * SASL/PLAIN on a gateway-managed listener: checks {@code password} (a gateway-signed token) for the local
     * service account {@code username}.
     *
     * @throws AuthenticationFailedException with a reason that contains no secret
     */
    Identity authenticatePlain(String username, String password) throws AuthenticationFailedException;

    /**
     * When the credential {@code password} (just accepted by {@link #authenticatePlain}) stops being valid, e.g. a
     * gateway-signed token's expiry; empty when it does not expire. A SASL session never outlives its credential.
     */
    default Optional<Instant> plainCredentialExpiry(String password) {
        return Optional.empty();
    }

    /** The salted SCRAM credential of a local service account, or empty when it has none for that mechanism. */
    Optional<ScramCredential> scramCredential(String username, ScramMechanism mechanism);

    /**
     * The identity of a principal authenticated by other means (SCRAM, a JWT, a client certificate, the broker in
     * delegated mode): the service account it is (a local account of that name, or an external account mapped from
     * it) and the groups it belongs to, directly or through {@code externalGroups} (e.g. a JWT's groups claim).
     */
    Identity resolve(String principal, Set<String> externalGroups);

    /** No service accounts and no groups: PLAIN and SCRAM fail, other principals resolve to themselves. */
    IdentityDirectory EMPTY = new IdentityDirectory() {
        @Override
        public Identity authenticatePlain(String username, String password) throws AuthenticationFailedException {
            throw new AuthenticationFailedException("unknown service account");
        }

        @Override
        public Optional<ScramCredential> scramCredential(String username, ScramMechanism mechanism) {
            return Optional.empty();
        }

        @Override
        public Identity resolve(String principal, Set<String> externalGroups) {
            return new Identity(principal, Optional.empty(), Set.of());
        }
    };
}
