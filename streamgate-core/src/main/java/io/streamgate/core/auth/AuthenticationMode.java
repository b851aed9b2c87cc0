package io.streamgate.core.auth;

/** Who checks a client's SASL credentials on a listener. */
public enum AuthenticationMode {
    /** The gateway itself, against its service accounts, SCRAM credentials and JWT issuers; it uses its own
     *  credentials toward Kafka. */
    GATEWAY,
    /** The broker: the client's SASL exchange is relayed on the client's own upstream connection, and the gateway
     *  learns the principal from it. */
    DELEGATED
}
