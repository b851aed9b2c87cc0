/**
 * The {@code read-only-topic-policy} plugin: topics that no client may write to, delete, shrink, reconfigure or
 * move through the gateway, while they stay readable.
 */
package io.streamgate.plugins.policy.readonly;
