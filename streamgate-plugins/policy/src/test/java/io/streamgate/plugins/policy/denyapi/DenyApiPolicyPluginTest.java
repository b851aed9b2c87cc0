package io.streamgate.plugins.policy.denyapi;

import io.streamgate.api.InvalidConfigException;
import io.streamgate.api.PluginConfig;
import io.streamgate.plugins.policy.PolicyDocs;
import io.streamgate.plugins.testkit.ConfigSchemas;
import io.streamgate.plugins.testkit.FakePluginContext;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DenyApiPolicyPluginTest {

    private final DenyApiPolicyPlugin plugin = new DenyApiPolicyPlugin();

    @Test
    void documentsEveryPropertyOfItsSchema() {
        assertThat(PolicyDocs.undocumented(plugin)).isEmpty();
    }

    @Test
    void schemaRequiresAtLeastOneApiName() {
        assertThat(ConfigSchemas.problems(plugin, Map.of("apis", List.of("DeleteTopics"), "action", "INFO"))).isEmpty();
        assertThat(ConfigSchemas.problems(plugin, Map.of("apis", List.of()))).isNotEmpty();
        assertThat(ConfigSchemas.problems(plugin, Map.of("action", "BLOCK"))).singleElement().asString()
                .contains("apis");
        assertThat(ConfigSchemas.problems(plugin, Map.of("apis", List.of("Delete Topics")))).isNotEmpty();
        assertThat(ConfigSchemas.problems(plugin, Map.of("apis", List.of("DeleteTopics"), "action", "OVERRIDE")))
                .isNotEmpty();
    }

    @Test
    void refusesAnUnknownApiNamingIt() {
        assertThatThrownBy(() -> create(List.of("DeleteTopics", "DropTopics")))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> {
                    assertThat(e.field()).isEqualTo("apis[1]");
                    assertThat(e.getMessage()).contains("unknown API DropTopics");
                });
    }

    @Test
    void refusesToDenyWhatClientsNeedToConnect() {
        assertThatThrownBy(() -> create(List.of("ApiVersions")))
                .isInstanceOfSatisfying(InvalidConfigException.class, e ->
                        assertThat(e.getMessage()).isEqualTo("apis[0]: ApiVersions cannot be denied: clients need it "
                                + "to connect"));
    }

    private void create(List<String> apis) {
        plugin.create(new PluginConfig(Map.of("apis", apis)), new FakePluginContext());
    }
}
