package io.streamgate.plugins.policy.altertopicconfig;

import io.streamgate.api.InterceptorPlugin;
import io.streamgate.plugins.policy.PolicyDocs;
import io.streamgate.plugins.testkit.ConfigSchemas;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

class AlterTopicConfigPolicyPluginTest {

    private final AlterTopicConfigPolicyPlugin plugin = new AlterTopicConfigPolicyPlugin();

    @Test
    void isRegisteredForTheServiceLoader() {
        assertThat(ServiceLoader.load(InterceptorPlugin.class).stream().map(provider -> provider.get().id()))
                .contains(AlterTopicConfigPolicyPlugin.ID);
    }

    @Test
    void documentsEverySchemaProperty() {
        assertThat(PolicyDocs.path(plugin)).exists();
        assertThat(PolicyDocs.properties(plugin)).contains("denied", "configs.<key>.allowed");
        assertThat(PolicyDocs.undocumented(plugin)).isEmpty();
    }

    @Test
    void schemaAcceptsDeniedKeysAndConfigRules() {
        assertThat(ConfigSchemas.problems(plugin, Map.of("denied", List.of("min.insync.replicas"),
                "configs", Map.of("retention.ms", Map.of("max", 604_800_000, "action", "OVERRIDE"))))).isEmpty();
    }

    @Test
    void schemaRefusesUnknownFieldsAndBadDeniedKeys() {
        assertThat(ConfigSchemas.problems(plugin, Map.of("deny", List.of("x")))).isNotEmpty();
        assertThat(ConfigSchemas.problems(plugin, Map.of("denied", List.of("")))).isNotEmpty();
        assertThat(ConfigSchemas.problems(plugin, Map.of("denied", "min.insync.replicas"))).isNotEmpty();
        assertThat(ConfigSchemas.problems(plugin, Map.of("configs", Map.of("retention.ms",
                Map.of("action", "DROP"))))).isNotEmpty();
    }
}
