/**
 * Who a client is: authentication of client connections (TLS client certificates, SASL handled by the gateway or
 * relayed to Kafka), the identity each connection carries, and the directory of service accounts and groups that
 * identities resolve against.
 */
package io.streamgate.core.auth;
