/**
 * The {@code rate-limit-policy} plugin: produce and fetch bytes per second, JoinGroup and OffsetCommit requests per
 * minute, per principal, client id or virtual cluster, enforced the way a broker enforces its quotas: with the
 * protocol's throttle time.
 */
package io.streamgate.plugins.policy.ratelimit;
