/**
 * The {@code client-id-policy} plugin: client ids (the {@code client.id} of the request header) that must match a
 * pattern.
 */
package io.streamgate.plugins.policy.clientid;
