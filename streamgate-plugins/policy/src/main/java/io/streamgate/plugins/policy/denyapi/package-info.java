/** The {@code deny-api-policy} plugin: Kafka APIs that clients may not use through the gateway at all. */
package io.streamgate.plugins.policy.denyapi;
