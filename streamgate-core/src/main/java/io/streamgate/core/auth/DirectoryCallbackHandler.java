package io.streamgate.core.auth;

import org.apache.kafka.common.security.plain.PlainAuthenticateCallback;
import org.apache.kafka.common.security.scram.ScramCredentialCallback;
import org.apache.kafka.common.security.scram.internals.ScramMechanism;
import org.apache.kafka.common.security.token.delegation.internals.DelegationTokenCredentialCallback;

import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import java.time.Instant;
import java.util.Optional;

/**
 * Answers the callbacks of Kafka's PLAIN and SCRAM {@code SaslServer}s from the {@link IdentityDirectory}, for one
 * exchange, and remembers what it learnt: the name the client gave, the identity PLAIN proved, when the credential
 * expires, or why it was refused.
 */
final class DirectoryCallbackHandler implements CallbackHandler {

    private final IdentityDirectory directory;
    private final ScramMechanism scramMechanism;
    private String username;
    private Identity identity;
    private Optional<Instant> expiry = Optional.empty();
    private String failureReason;

    /** @param scramMechanism the SCRAM mechanism, or null for PLAIN */
    DirectoryCallbackHandler(IdentityDirectory directory, ScramMechanism scramMechanism) {
        this.directory = directory;
        this.scramMechanism = scramMechanism;
    }

    @Override
    public void handle(Callback[] callbacks) throws UnsupportedCallbackException {
        for (Callback callback : callbacks) {
            if (callback instanceof NameCallback name) {
                username = name.getDefaultName();
            } else if (callback instanceof PlainAuthenticateCallback plain) {
                String password = new String(plain.password());
                try {
                    identity = directory.authenticatePlain(username, password);
                    expiry = directory.plainCredentialExpiry(password);
                    plain.authenticated(true);
                } catch (AuthenticationFailedException e) {
                    failureReason = e.getMessage();
                    plain.authenticated(false);
                }
            } else if (callback instanceof DelegationTokenCredentialCallback) {
                failureReason = "Kafka delegation tokens are not accepted by the gateway";
                throw new UnsupportedCallbackException(callback);
            } else if (callback instanceof ScramCredentialCallback scram && scramMechanism != null) {
                directory.scramCredential(username, scramMechanism).ifPresentOrElse(scram::scramCredential,
                        () -> failureReason = "no " + scramMechanism.mechanismName() + " credential for this account");
            } else {
                throw new UnsupportedCallbackException(callback);
            }
        }
    }

    /** The name the client gave, if it got that far. */
    String username() {
        return username;
    }

    /** The identity PLAIN proved. */
    Identity identity() {
        return identity;
    }

    Optional<Instant> expiry() {
        return expiry;
    }

    /** Why the directory refused, if it did. */
    String failureReason() {
        return failureReason;
    }
}
