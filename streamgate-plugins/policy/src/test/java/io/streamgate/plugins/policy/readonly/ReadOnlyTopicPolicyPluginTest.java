package io.streamgate.plugins.policy.readonly;

import io.streamgate.api.InvalidConfigException;
import io.streamgate.api.PluginConfig;
import io.streamgate.plugins.policy.PolicyDocs;
import io.streamgate.plugins.testkit.ConfigSchemas;
import io.streamgate.plugins.testkit.FakePluginContext;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadOnlyTopicPolicyPluginTest {

    private final ReadOnlyTopicPolicyPlugin plugin = new ReadOnlyTopicPolicyPlugin();

    @Test
    void documentsEveryPropertyOfItsSchema() {
        assertThat(PolicyDocs.undocumented(plugin)).isEmpty();
    }

    @Test
    void schemaRequiresATopicsPatternAndOffersOnlyBlockAndInfo() {
        assertThat(ConfigSchemas.problems(plugin, Map.of("topics", "audit\\..*", "action", "INFO"))).isEmpty();
        assertThat(ConfigSchemas.problems(plugin, Map.of("action", "BLOCK"))).singleElement().asString()
                .contains("topics");
        assertThat(ConfigSchemas.problems(plugin, Map.of("topics", "a", "action", "OVERRIDE"))).isNotEmpty();
        assertThat(ConfigSchemas.problems(plugin, Map.of("topics", ""))).isNotEmpty();
        assertThat(ConfigSchemas.problems(plugin, Map.of("topics", "a", "apis", "Produce"))).isNotEmpty();
    }

    @Test
    void refusesATopicsPatternThatDoesNotCompile() {
        assertThatThrownBy(() -> plugin.create(new PluginConfig(Map.of("topics", "audit-[")), new FakePluginContext()))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.field()).isEqualTo("topics"));
    }
}
