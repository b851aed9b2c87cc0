package io.streamgate.core.auth;

/** Where authentication attempts are recorded. Called on event loops: implementations must not block for long. */
@FunctionalInterface
public interface AuthenticationAudit {

    void record(AuthenticationEvent event);

    /** Records nothing. */
    AuthenticationAudit NONE = event -> { };
}
