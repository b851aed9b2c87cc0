package io.streamgate.core.auth;

import java.util.Locale;

/**
 * Why an authentication failed, as a small fixed set: it tags metrics, so it never carries what the client sent. The
 * audit event carries a longer reason.
 */
public enum AuthenticationFailure {
    /** Unknown account, wrong password, wrong SCRAM proof, expired or forged gateway token. */
    INVALID_CREDENTIALS,
    /** An OAUTHBEARER token that is malformed, expired, badly signed or for another issuer or audience. */
    INVALID_TOKEN,
    /** A SASL mechanism the listener does not offer. */
    UNSUPPORTED_MECHANISM,
    /** A re-authentication as someone else, or with another mechanism. */
    PRINCIPAL_CHANGED,
    /** SaslAuthenticate without SaslHandshake, or a malformed exchange. */
    ILLEGAL_STATE,
    /** Delegated authentication: the broker said no. */
    BROKER_REFUSED,
    /** The principal may land in no virtual cluster (none set, a conflicting one, or one that does not exist). */
    NO_VIRTUAL_CLUSTER;

    /** The metric tag value. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
