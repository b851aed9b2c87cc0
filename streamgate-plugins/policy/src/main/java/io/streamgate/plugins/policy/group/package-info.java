/**
 * The {@code consumer-group-policy} plugin: group ids that must match a pattern, session and rebalance timeouts kept
 * within a range, and static membership ({@code group.instance.id}) required or forbidden.
 */
package io.streamgate.plugins.policy.group;
