package io.streamgate.plugins.policy.clientid;

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
 * {@code client-id-policy}: client ids must match a naming convention. Configuration: {@code pattern} (required),
 * {@code action} (BLOCK or INFO).
 */
public final class ClientIdPolicyPlugin implements InterceptorPlugin {

    public static final String ID = "client-id-policy";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Client id policy";
    }

    @Override
    public String description() {
        return "Requires client ids (client.id) to match a naming convention, so that every application can be told "
                + "apart in quotas, logs and metrics; blocks or reports the others.";
    }

    @Override
    public String configSchema() {
        return SchemaResource.load(ClientIdPolicyPlugin.class, ID);
    }

    @Override
    public Interceptor create(PluginConfig config, PluginContext context) {
        Pattern pattern = config.pattern("pattern").orElseThrow(() ->
                new InvalidConfigException("pattern", "is required"));
        return new ClientIdPolicyInterceptor(pattern,
                RuleAction.of(config, "action", Set.of(PolicyAction.BLOCK, PolicyAction.INFO)));
    }
}
