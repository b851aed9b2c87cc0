/**
 * Rules shared by the topic policies ({@code create-topic-policy}, {@code alter-topic-config-policy}): bounds on
 * numbers, allowed and required topic configs, and how a broken rule's action (BLOCK, INFO, OVERRIDE) is carried out
 * and reported for one topic.
 */
package io.streamgate.plugins.policy.topicrules;
