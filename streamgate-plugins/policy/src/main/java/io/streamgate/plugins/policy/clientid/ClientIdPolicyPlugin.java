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
 * {@code action} (BLOCK, INFO or OVERRIDE), {@code override} (the {@link ClientIdTemplate} of OVERRIDE, required with
 * it and only with it).
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
                + "apart in quotas, logs and metrics; blocks, reports or renames the others.";
    }

    @Override
    public String configSchema() {
        return SchemaResource.load(ClientIdPolicyPlugin.class, ID);
    }

    @Override
    public Interceptor create(PluginConfig config, PluginContext context) {
        Pattern pattern = config.pattern("pattern").orElseThrow(() ->
                new InvalidConfigException("pattern", "is required"));
        PolicyAction action = RuleAction.of(config, "action",
                Set.of(PolicyAction.BLOCK, PolicyAction.INFO, PolicyAction.OVERRIDE));
        ClientIdTemplate override = config.string("override").map(template ->
                ClientIdTemplate.parse("override", template)).orElse(null);
        if (action == PolicyAction.OVERRIDE && override == null) {
            throw new InvalidConfigException("override", "is required with action OVERRIDE");
        }
        if (action != PolicyAction.OVERRIDE && override != null) {
            throw new InvalidConfigException("override", "only applies to action OVERRIDE, not " + action);
        }
        return new ClientIdPolicyInterceptor(pattern, action, override);
    }
}
