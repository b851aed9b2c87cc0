package io.streamgate.plugins.policy;

import io.streamgate.api.InterceptorPlugin;
import io.streamgate.plugins.testkit.ConfigSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** What every policy plugin of this module owes the catalog: a stable id, a title, a description, a sound schema. */
class PolicyPluginsTest {

    private static final List<String> IDS = List.of("alter-topic-config-policy", "client-id-policy",
            "consumer-group-policy", "create-topic-policy", "deny-api-policy", "fetch-policy", "produce-policy",
            "rate-limit-policy", "read-only-topic-policy", "schema-id-required-policy");

    static List<InterceptorPlugin> plugins() {
        List<InterceptorPlugin> plugins = new ArrayList<>();
        ServiceLoader.load(InterceptorPlugin.class).forEach(plugins::add);
        return plugins;
    }

    @Test
    void theModuleRegistersItsTenPoliciesUnderTheirStableIds() {
        assertThat(plugins()).extracting(InterceptorPlugin::id).containsExactlyInAnyOrderElementsOf(IDS);
    }

    @ParameterizedTest
    @MethodSource("plugins")
    void describesItself(InterceptorPlugin plugin) {
        assertThat(plugin.title()).isNotBlank();
        assertThat(plugin.description()).isNotBlank();
    }

    @ParameterizedTest
    @MethodSource("plugins")
    void hasAClosedDraft202012SchemaDescribingEveryProperty(InterceptorPlugin plugin) {
        assertThat(ConfigSchemas.styleProblems(plugin)).isEmpty();
    }
}
