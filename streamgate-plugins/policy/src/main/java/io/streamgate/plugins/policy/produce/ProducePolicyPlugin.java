package io.streamgate.plugins.policy.produce;

import io.streamgate.api.Interceptor;
import io.streamgate.api.InterceptorPlugin;
import io.streamgate.api.InvalidConfigException;
import io.streamgate.api.PluginConfig;
import io.streamgate.api.PluginContext;
import io.streamgate.api.PolicyAction;
import io.streamgate.plugins.policy.RuleAction;
import io.streamgate.plugins.policy.SchemaResource;
import org.apache.kafka.common.record.internal.CompressionType;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code produce-policy}: refuses Produce partitions that break the configured rules. Each rule is a configuration
 * object, checked only when present: {@code acks}, {@code compression}, {@code idempotence}, {@code transactions},
 * {@code headers}, {@code apiVersion}, {@code recordBatchSize}; {@code topics} limits the policy to some topics.
 */
public final class ProducePolicyPlugin implements InterceptorPlugin {

    public static final String ID = "produce-policy";

    private static final Set<PolicyAction> ACTIONS = Set.of(PolicyAction.BLOCK, PolicyAction.INFO);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Produce policy";
    }

    @Override
    public String description() {
        return "Refuses produced data that breaks rules on acks, compression codecs, idempotence, transactions, "
                + "required headers, Produce versions and record batch sizes, with the error a broker would give.";
    }

    @Override
    public String configSchema() {
        return SchemaResource.load(ProducePolicyPlugin.class, ID);
    }

    @Override
    public Interceptor create(PluginConfig config, PluginContext context) {
        List<ProduceRule> rules = new ArrayList<>();
        if (config.has("apiVersion")) {
            PluginConfig rule = config.object("apiVersion");
            int min = (int) rule.number("min", 0);
            int max = (int) rule.number("max", Short.MAX_VALUE);
            if (min > max) {
                throw new InvalidConfigException("apiVersion", "min " + min + " is above max " + max);
            }
            rules.add(new ApiVersionRule(min, max, action(rule, "apiVersion")));
        }
        if (config.has("acks")) {
            PluginConfig rule = config.object("acks");
            Set<Short> allowed = new LinkedHashSet<>();
            if (!(rule.asMap().get("allowed") instanceof List<?> values)) {
                throw new InvalidConfigException("acks.allowed", "expected a list of -1, 0 and 1");
            }
            for (Object value : values) {
                if (!(value instanceof Number number) || number.intValue() < -1 || number.intValue() > 1) {
                    throw new InvalidConfigException("acks.allowed", "expected -1, 0 or 1, got " + value);
                }
                allowed.add(number.shortValue());
            }
            rules.add(new AcksRule(allowed, action(rule, "acks")));
        }
        if (config.has("transactions")) {
            rules.add(new TransactionsRule(action(config.object("transactions"), "transactions")));
        }
        if (config.has("idempotence")) {
            rules.add(new IdempotenceRule(action(config.object("idempotence"), "idempotence")));
        }
        if (config.has("compression")) {
            PluginConfig rule = config.object("compression");
            Set<CompressionType> allowed = new LinkedHashSet<>();
            for (String codec : rule.strings("allowed")) {
                try {
                    allowed.add(CompressionType.forName(codec));
                } catch (IllegalArgumentException e) {
                    throw new InvalidConfigException("compression.allowed", "unknown codec " + codec);
                }
            }
            rules.add(new CompressionRule(allowed, action(rule, "compression")));
        }
        if (config.has("recordBatchSize")) {
            PluginConfig rule = config.object("recordBatchSize");
            long max = rule.number("max").orElseThrow(() ->
                    new InvalidConfigException("recordBatchSize.max", "is required"));
            rules.add(new RecordBatchSizeRule((int) Math.min(max, Integer.MAX_VALUE), action(rule, "recordBatchSize")));
        }
        if (config.has("headers")) {
            PluginConfig rule = config.object("headers");
            rules.add(new RequiredHeadersRule(rule.strings("required"), action(rule, "headers")));
        }
        return new ProducePolicyInterceptor(rules, new TopicScope(config.pattern("topics")));
    }

    private static PolicyAction action(PluginConfig rule, String field) {
        return RuleAction.of(rule, field + ".action", ACTIONS);
    }
}
