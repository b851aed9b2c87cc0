package io.streamgate.core.auth;

import java.util.Objects;

/**
 * What authentication needs from outside the engine: the service accounts and groups, and where attempts are
 * recorded.
 */
public record GatewaySecurity(IdentityDirectory directory, AuthenticationAudit audit) {

    /** No accounts, no audit: enough for listeners that need no authentication. */
    public static final GatewaySecurity NONE = new GatewaySecurity(IdentityDirectory.EMPTY, AuthenticationAudit.NONE);

    public GatewaySecurity {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(audit, "audit");
    }
}
