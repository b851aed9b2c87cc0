package io.streamgate.plugins.policy.createtopic;

import io.streamgate.api.InvalidConfigException;
import io.streamgate.api.PluginConfig;
import io.streamgate.api.PolicyAction;
import io.streamgate.plugins.policy.topicrules.Breach;
import io.streamgate.plugins.policy.topicrules.NumberBounds;
import io.streamgate.plugins.policy.topicrules.PolicyActions;
import io.streamgate.plugins.policy.topicrules.TopicConfigRules;
import io.streamgate.plugins.policy.topicrules.TopicEnforcement;
import org.apache.kafka.common.message.CreateTopicsRequestData.CreatableTopic;
import org.apache.kafka.common.message.CreateTopicsRequestData.CreatableTopicConfig;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The rules a new topic must follow. A partition count or replication factor of -1 (the broker's default, which
 * the gateway does not know) is not checked. With a manual replica assignment, the counts come from the assignment
 * and cannot be overridden, so OVERRIDE refuses them. Immutable.
 */
final class CreationRules {

    private final Optional<Pattern> namePattern;
    private final PolicyAction nameAction;
    private final NumberBounds partitions;
    private final PolicyAction partitionsAction;
    private final NumberBounds replicationFactor;
    private final PolicyAction replicationFactorAction;
    private final TopicConfigRules configs;

    private CreationRules(PluginConfig name, PluginConfig partitions, PluginConfig replicationFactor,
                          TopicConfigRules configs) {
        this.namePattern = name.string("pattern").map(CreationRules::compile);
        this.nameAction = PolicyActions.from(name, "name");
        this.partitions = NumberBounds.from(partitions, "partitions");
        this.partitionsAction = PolicyActions.from(partitions, "partitions");
        this.replicationFactor = NumberBounds.from(replicationFactor, "replicationFactor");
        this.replicationFactorAction = PolicyActions.from(replicationFactor, "replicationFactor");
        this.configs = configs;
    }

    static CreationRules from(PluginConfig config) {
        return new CreationRules(config.object("name"), config.object("partitions"),
                config.object("replicationFactor"), TopicConfigRules.from(config, "configs"));
    }

    private static Pattern compile(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new InvalidConfigException("name.pattern", "not a valid regular expression: " + e.getDescription());
        }
    }

    /** Enforces every rule on {@code topic}, rewriting it in place for OVERRIDE. */
    void enforce(CreatableTopic topic, TopicEnforcement enforcement) {
        namePattern.filter(pattern -> !pattern.matcher(topic.name()).matches()).ifPresent(pattern ->
                enforcement.enforce(new Breach("name", nameAction, topic.name(),
                        "topic name " + topic.name() + " does not match " + pattern.pattern(), null)));
        boolean assigned = !topic.assignments().isEmpty();
        int partitionCount = assigned ? topic.assignments().size() : topic.numPartitions();
        int replicas = assigned ? topic.assignments().iterator().next().brokerIds().size() : topic.replicationFactor();
        enforceCount(partitions, "partitions", partitionsAction, partitionCount, assigned, enforcement,
                value -> topic.setNumPartitions(new BigDecimal(value).intValueExact()));
        enforceCount(replicationFactor, "replicationFactor", replicationFactorAction, replicas, assigned, enforcement,
                value -> topic.setReplicationFactor(new BigDecimal(value).shortValueExact()));
        Map<String, String> values = new HashMap<>();
        topic.configs().forEach(config -> values.put(config.name(), config.value()));
        configs.enforce(values, enforcement, (key, value) -> set(topic, key, value));
    }

    private static void enforceCount(NumberBounds bounds, String rule, PolicyAction action, int count,
                                     boolean assigned, TopicEnforcement enforcement, Consumer<String> override) {
        if (count == -1) {
            return;
        }
        bounds.check(rule, action, rule, BigDecimal.valueOf(count)).ifPresent(breach ->
                enforcement.enforce(assigned ? breach.withoutReplacement() : breach, override));
    }

    private static void set(CreatableTopic topic, String key, String value) {
        CreatableTopicConfig config = topic.configs().find(key);
        if (config == null) {
            topic.configs().add(new CreatableTopicConfig().setName(key).setValue(value));
        } else {
            config.setValue(value);
        }
    }
}
