package io.streamgate.plugins.policy.readonly;

import io.streamgate.api.Interceptor;
import io.streamgate.api.InterceptorPlugin;
import io.streamgate.api.InvalidConfigException;
import io.streamgate.api.PluginConfig;
import io.streamgate.api.PluginContext;
import io.streamgate.api.PolicyAction;
import io.streamgate.plugins.policy.RuleAction;
import io.streamgate.plugins.policy.SchemaResource;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code read-only-topic-policy}: topics that clients may read but not change. Configuration: {@code topics}
 * (required), {@code action} (BLOCK or INFO).
 */
public final class ReadOnlyTopicPolicyPlugin implements InterceptorPlugin {

    public static final String ID = "read-only-topic-policy";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Read-only topics";
    }

    @Override
    public String description() {
        return "Refuses every write to the topics matching a pattern (produce, delete, delete records, add "
                + "partitions, alter configs, reassign) with TOPIC_AUTHORIZATION_FAILED; they stay readable.";
    }

    @Override
    public String configSchema() {
        return SchemaResource.load(ReadOnlyTopicPolicyPlugin.class, ID);
    }

    @Override
    public Interceptor create(PluginConfig config, PluginContext context) {
        Pattern topics = config.pattern("topics").orElseThrow(() ->
                new InvalidConfigException("topics", "is required"));
        return new ReadOnlyTopicPolicyInterceptor(topics,
                RuleAction.of(config, "action", Set.of(PolicyAction.BLOCK, PolicyAction.INFO)));
    }
}
