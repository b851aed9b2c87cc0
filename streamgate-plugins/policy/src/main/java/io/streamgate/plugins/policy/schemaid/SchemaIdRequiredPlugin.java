package io.streamgate.plugins.policy.schemaid;

import io.streamgate.api.Interceptor;
import io.streamgate.api.InterceptorPlugin;
import io.streamgate.api.PluginConfig;
import io.streamgate.api.PluginContext;
import io.streamgate.api.PolicyAction;
import io.streamgate.plugins.policy.SchemaResource;

import java.util.Locale;

/**
 * {@code schema-id-required-policy}: produced record values must (or must not) carry a schema registry schema id.
 * Configuration: {@code mode} (required|forbidden), {@code topics} (regular expression), {@code action}
 * (BLOCK|INFO).
 */
public final class SchemaIdRequiredPlugin implements InterceptorPlugin {

    public static final String ID = "schema-id-required-policy";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Schema id required policy";
    }

    @Override
    public String description() {
        return "Refuses produced records whose value does not start with a schema registry schema id (magic byte 0, "
                + "4-byte id), or, in forbidden mode, whose value does.";
    }

    @Override
    public String configSchema() {
        return SchemaResource.load(SchemaIdRequiredPlugin.class, ID);
    }

    @Override
    public Interceptor create(PluginConfig config, PluginContext context) {
        SchemaIdRule rule = SchemaIdRule.valueOf(config.string("mode", "required").toUpperCase(Locale.ROOT));
        PolicyAction action = PolicyAction.valueOf(config.string("action", "BLOCK"));
        return new SchemaIdRequiredInterceptor(rule, config.pattern("topics"), action);
    }
}
