package io.streamgate.plugins.policy.createtopic;

import io.streamgate.api.Interceptor;
import io.streamgate.api.InterceptorPlugin;
import io.streamgate.api.PluginConfig;
import io.streamgate.api.PluginContext;
import io.streamgate.plugins.policy.SchemaResource;

/**
 * {@code create-topic-policy}: rules on the topics clients create. Configuration: {@code name.pattern},
 * {@code partitions} and {@code replicationFactor} bounds, {@code configs} rules per config key, each with an
 * action (see the schema and docs/policies/create-topic-policy.md).
 */
public final class CreateTopicPolicyPlugin implements InterceptorPlugin {

    public static final String ID = "create-topic-policy";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Create topic policy";
    }

    @Override
    public String description() {
        return "Checks the topics clients create (name, partitions, replication factor, configs) and refuses, "
                + "reports or corrects those that break the rules.";
    }

    @Override
    public String configSchema() {
        return SchemaResource.load(CreateTopicPolicyPlugin.class, ID);
    }

    @Override
    public Interceptor create(PluginConfig config, PluginContext context) {
        return new CreateTopicPolicyInterceptor(CreationRules.from(config));
    }
}
