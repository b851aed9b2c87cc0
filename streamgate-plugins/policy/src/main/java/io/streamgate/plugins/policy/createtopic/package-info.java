/**
 * The {@code create-topic-policy} plugin: checks CreateTopics requests (validate-only ones too) against rules on the
 * topic name, partition count, replication factor and configs, refusing a breaking topic with POLICY_VIOLATION as
 * Kafka's CreateTopicPolicy does, reporting it, or rewriting the value.
 */
package io.streamgate.plugins.policy.createtopic;
