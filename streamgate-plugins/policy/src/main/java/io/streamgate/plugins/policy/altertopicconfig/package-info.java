/**
 * The {@code alter-topic-config-policy} plugin: checks the topic configs changed by AlterConfigs and
 * IncrementalAlterConfigs against denied keys and the config rules shared with {@code create-topic-policy},
 * refusing a breaking topic with POLICY_VIOLATION in its per-resource response, reporting it, or rewriting the value.
 */
package io.streamgate.plugins.policy.altertopicconfig;
