package io.streamgate.plugins.policy.clientid;

import io.streamgate.api.InvalidConfigException;
import io.streamgate.api.PluginConfig;
import io.streamgate.plugins.policy.PolicyDocs;
import io.streamgate.plugins.testkit.ConfigSchemas;
import io.streamgate.plugins.testkit.FakePluginContext;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientIdPolicyPluginTest {

    private final ClientIdPolicyPlugin plugin = new ClientIdPolicyPlugin();

    @Test
    void documentsEveryPropertyOfItsSchema() {
        assertThat(PolicyDocs.undocumented(plugin)).isEmpty();
    }

    @Test
    void schemaRequiresAPatternAndAnOverrideTemplateExactlyWithOverride() {
        assertThat(ConfigSchemas.problems(plugin, Map.of("pattern", "app-.*", "action", "INFO"))).isEmpty();
        assertThat(ConfigSchemas.problems(plugin, Map.of("pattern", "a", "action", "OVERRIDE", "override",
                "{{user}}-{{clientId}}"))).isEmpty();
        assertThat(ConfigSchemas.problems(plugin, Map.of("action", "BLOCK"))).singleElement().asString()
                .contains("pattern");
        assertThat(ConfigSchemas.problems(plugin, Map.of("pattern", "a", "action", "OVERRIDE"))).isNotEmpty();
        assertThat(ConfigSchemas.problems(plugin, Map.of("pattern", "a", "override", "{{user}}"))).isNotEmpty();
        assertThat(ConfigSchemas.problems(plugin, Map.of("pattern", "a", "template", "{{user}}"))).isNotEmpty();
    }

    @Test
    void refusesOverrideWithoutATemplateAndATemplateWithoutOverride() {
        assertThatThrownBy(() -> create(Map.of("pattern", "a", "action", "OVERRIDE")))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.field()).isEqualTo("override"));
        assertThatThrownBy(() -> create(Map.of("pattern", "a", "action", "INFO", "override", "x")))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.field()).isEqualTo("override"));
    }

    @Test
    void refusesAnUnknownPlaceholderNamingIt() {
        assertThatThrownBy(() -> create(Map.of("pattern", "a", "action", "OVERRIDE", "override",
                "{{user}}-{{hostname}}"))).isInstanceOfSatisfying(InvalidConfigException.class, e -> {
                    assertThat(e.field()).isEqualTo("override");
                    assertThat(e.getMessage()).contains("{{hostname}}");
                });
    }

    @Test
    void refusesAPatternThatDoesNotCompile() {
        assertThatThrownBy(() -> plugin.create(new PluginConfig(Map.of("pattern", "app-[")), new FakePluginContext()))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.field()).isEqualTo("pattern"));
    }

    private void create(Map<String, ?> config) {
        plugin.create(new PluginConfig(config), new FakePluginContext());
    }
}
