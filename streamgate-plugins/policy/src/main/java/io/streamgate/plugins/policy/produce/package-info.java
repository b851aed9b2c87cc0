/**
 * The {@code produce-policy} plugin: checks Produce requests (acks, compression codecs, idempotence, transactions,
 * required headers, API versions, record batch sizes) and refuses the partitions that break a rule with the error a
 * broker would give, so the other partitions of the request are still written.
 */
package io.streamgate.plugins.policy.produce;
