package io.streamgate.core.policy;

import io.streamgate.api.PolicyViolation;

import java.time.Instant;

/**
 * One policy violation, with what the gateway knows of the request that broke the rule, for the policy audit log.
 *
 * @param time when it was reported
 * @param interceptor the interceptor resource that reported it
 * @param plugin the interceptor's plugin
 * @param listener the listener the client connected to
 * @param clientAddress {@code ip:port} of the client
 * @param principal the client's principal ({@code ANONYMOUS} when it did not authenticate)
 * @param clientId the client id of the connection's latest decoded request
 * @param virtualCluster the connection's virtual cluster, or null
 * @param api the API of the request
 * @param violation what the interceptor reported
 */
public record PolicyViolationEvent(Instant time, String interceptor, String plugin, String listener,
                                   String clientAddress, String principal, String clientId, String virtualCluster,
                                   String api, PolicyViolation violation) {
}
