package io.streamgate.plugins.policy.altertopicconfig;

import io.streamgate.api.PluginConfig;
import io.streamgate.api.PolicyAction;
import io.streamgate.plugins.policy.topicrules.Breach;
import io.streamgate.plugins.policy.topicrules.ConfigRule;
import io.streamgate.plugins.policy.topicrules.TopicConfigRules;
import io.streamgate.plugins.policy.topicrules.TopicEnforcement;
import org.apache.kafka.clients.admin.AlterConfigOp.OpType;
import org.apache.kafka.common.message.AlterConfigsRequestData;
import org.apache.kafka.common.message.IncrementalAlterConfigsRequestData;
import org.apache.kafka.common.message.IncrementalAlterConfigsRequestData.AlterableConfig;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules a change of topic configs must follow: denied keys, which may not be changed at all (always BLOCK),
 * and the config rules. A legacy AlterConfigs replaces every config of the topic, so it is checked like a creation
 * (missing required keys too); an IncrementalAlterConfigs is checked per operation: SET and APPEND values against
 * the rule (an APPEND cannot be overridden), DELETE of a required key as if it were missing (OVERRIDE turns it into
 * a SET of the default); SUBTRACT only against denied keys. Immutable.
 */
final class AlterationRules {

    private final Set<String> denied;
    private final TopicConfigRules configs;

    private AlterationRules(Set<String> denied, TopicConfigRules configs) {
        this.denied = denied;
        this.configs = configs;
    }

    static AlterationRules from(PluginConfig config) {
        return new AlterationRules(Set.copyOf(config.strings("denied")), TopicConfigRules.from(config, "configs"));
    }

    /** Enforces the rules on the configs a legacy AlterConfigs gives {@code topic}, rewriting them for OVERRIDE. */
    void enforce(AlterConfigsRequestData.AlterConfigsResource topic, TopicEnforcement enforcement) {
        Map<String, String> values = new HashMap<>();
        for (AlterConfigsRequestData.AlterableConfig config : topic.configs()) {
            values.put(config.name(), config.value());
            enforceDenied(config.name(), enforcement);
        }
        configs.enforce(values, enforcement, (key, value) -> {
            AlterConfigsRequestData.AlterableConfig config = topic.configs().find(key);
            if (config == null) {
                topic.configs().add(new AlterConfigsRequestData.AlterableConfig().setName(key).setValue(value));
            } else {
                config.setValue(value);
            }
        });
    }

    /** Enforces the rules on each operation of an IncrementalAlterConfigs on {@code topic}, rewriting it for OVERRIDE. */
    void enforce(IncrementalAlterConfigsRequestData.AlterConfigsResource topic, TopicEnforcement enforcement) {
        for (AlterableConfig operation : List.copyOf(topic.configs())) {
            enforceDenied(operation.name(), enforcement);
            configs.rule(operation.name()).ifPresent(rule -> enforce(rule, operation, topic, enforcement));
        }
    }

    private void enforce(ConfigRule rule, AlterableConfig operation,
                         IncrementalAlterConfigsRequestData.AlterConfigsResource topic, TopicEnforcement enforcement) {
        OpType type = OpType.forId(operation.configOperation());
        if (type == null) {
            return; // the broker answers an unknown operation with INVALID_REQUEST
        }
        switch (type) {
            case SET -> rule.check(operation.value()).ifPresent(breach -> enforcement.enforce(breach, operation::setValue));
            case APPEND -> rule.check(operation.value()).ifPresent(breach ->
                    enforcement.enforce(breach.withoutReplacement()));
            case DELETE -> rule.check(null).ifPresent(breach -> enforcement.enforce(breach, value -> {
                // The operation is part of the collection's key: replace it rather than change it in place.
                topic.configs().remove(operation);
                topic.configs().add(new AlterableConfig().setName(operation.name())
                        .setConfigOperation(OpType.SET.id()).setValue(value));
            }));
            case SUBTRACT -> {
                // What remains of a list after a subtraction is not known here.
            }
        }
    }

    private void enforceDenied(String key, TopicEnforcement enforcement) {
        if (denied.contains(key)) {
            enforcement.enforce(new Breach("denied", PolicyAction.BLOCK, key, "config " + key + " may not be changed",
                    null));
        }
    }
}
