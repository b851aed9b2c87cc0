package io.streamgate.plugins.policy.denyapi;

import io.streamgate.api.Interceptor;
import io.streamgate.api.InterceptorPlugin;
import io.streamgate.api.InvalidConfigException;
import io.streamgate.api.PluginConfig;
import io.streamgate.api.PluginContext;
import io.streamgate.api.PolicyAction;
import io.streamgate.plugins.policy.RuleAction;
import io.streamgate.plugins.policy.SchemaResource;
import org.apache.kafka.common.protocol.ApiKeys;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code deny-api-policy}: Kafka APIs refused outright. Configuration: {@code apis} (API names as Kafka spells them,
 * e.g. {@code DeleteTopics}; required), {@code action} (BLOCK or INFO).
 */
public final class DenyApiPolicyPlugin implements InterceptorPlugin {

    public static final String ID = "deny-api-policy";

    /** Without these a client cannot connect or authenticate; denying them would only make clients time out. */
    private static final Set<ApiKeys> NOT_DENIABLE = EnumSet.of(ApiKeys.API_VERSIONS, ApiKeys.SASL_HANDSHAKE,
            ApiKeys.SASL_AUTHENTICATE);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Deny APIs";
    }

    @Override
    public String description() {
        return "Refuses chosen Kafka APIs (say DeleteTopics or DeleteRecords) with the authorization error a broker "
                + "would give a client without the ACL.";
    }

    @Override
    public String configSchema() {
        return SchemaResource.load(DenyApiPolicyPlugin.class, ID);
    }

    @Override
    public Interceptor create(PluginConfig config, PluginContext context) {
        List<String> names = config.strings("apis");
        if (names.isEmpty()) {
            throw new InvalidConfigException("apis", "is required");
        }
        Set<ApiKeys> denied = EnumSet.noneOf(ApiKeys.class);
        for (int i = 0; i < names.size(); i++) {
            denied.add(api(names.get(i), "apis[" + i + "]"));
        }
        return new DenyApiPolicyInterceptor(denied,
                RuleAction.of(config, "action", Set.of(PolicyAction.BLOCK, PolicyAction.INFO)));
    }

    private static ApiKeys api(String name, String field) {
        ApiKeys api = Arrays.stream(ApiKeys.values()).filter(key -> key.name.equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new InvalidConfigException(field, "unknown API " + name
                        + ", expected a Kafka API name such as DeleteTopics"));
        if (NOT_DENIABLE.contains(api)) {
            throw new InvalidConfigException(field, api.name + " cannot be denied: clients need it to connect");
        }
        return api;
    }
}
