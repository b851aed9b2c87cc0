/**
 * The {@code fetch-policy} plugin: checks Fetch requests (isolation level, byte and wait limits, rack id, API
 * versions), refusing them, reporting them or rewriting their values. It reads requests only, so Fetch responses
 * stay undecoded.
 */
package io.streamgate.plugins.policy.fetch;
