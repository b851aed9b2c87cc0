package io.streamgate.plugins.policy.altertopicconfig;

import io.streamgate.api.Interceptor;
import io.streamgate.api.InterceptorPlugin;
import io.streamgate.api.PluginConfig;
import io.streamgate.api.PluginContext;
import io.streamgate.plugins.policy.SchemaResource;

/**
 * {@code alter-topic-config-policy}: rules on the topic configs clients change. Configuration: {@code denied}
 * config keys and {@code configs} rules per config key (see the schema and
 * docs/policies/alter-topic-config-policy.md).
 */
public final class AlterTopicConfigPolicyPlugin implements InterceptorPlugin {

    public static final String ID = "alter-topic-config-policy";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Alter topic config policy";
    }

    @Override
    public String description() {
        return "Checks the topic configs clients change (AlterConfigs, IncrementalAlterConfigs): denied keys, "
                + "allowed values and bounds; refuses, reports or corrects changes that break the rules.";
    }

    @Override
    public String configSchema() {
        return SchemaResource.load(AlterTopicConfigPolicyPlugin.class, ID);
    }

    @Override
    public Interceptor create(PluginConfig config, PluginContext context) {
        return new AlterTopicConfigPolicyInterceptor(AlterationRules.from(config));
    }
}
