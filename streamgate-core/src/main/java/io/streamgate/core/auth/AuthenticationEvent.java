package io.streamgate.core.auth;

import java.time.Instant;

/**
 * One authentication attempt, for the audit log and metrics. Holds no secret.
 *
 * @param time when it was decided
 * @param listener the listener's name
 * @param clientAddress {@code ip:port} of the client
 * @param mechanism the SASL mechanism, or {@code SSL} for a client certificate
 * @param principal the name the client claimed or proved; {@code null} when it never said
 * @param succeeded whether the client is now authenticated
 * @param reason why it failed; {@code null} on success
 */
public record AuthenticationEvent(Instant time, String listener, String clientAddress, String mechanism,
                                  String principal, boolean succeeded, String reason) {
}
