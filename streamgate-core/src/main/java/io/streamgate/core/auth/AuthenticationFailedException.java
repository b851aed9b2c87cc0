package io.streamgate.core.auth;

/**
 * Credentials were refused. The message is the reason, safe to log, count and audit: it never contains the secret.
 */
public final class AuthenticationFailedException extends Exception {

    public AuthenticationFailedException(String reason) {
        super(reason, null, false, false);
    }
}
