package io.streamgate.plugins.policy.createtopic;

import io.streamgate.api.InterceptorPlugin;
import io.streamgate.api.InvalidConfigException;
import io.streamgate.api.PluginConfig;
import io.streamgate.plugins.policy.altertopicconfig.AlterTopicConfigPolicyPlugin;
import io.streamgate.plugins.policy.PolicyDocs;
import io.streamgate.plugins.testkit.ConfigSchemas;
import io.streamgate.plugins.testkit.FakePluginContext;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CreateTopicPolicyPluginTest {

    private final CreateTopicPolicyPlugin plugin = new CreateTopicPolicyPlugin();

    @Test
    void isRegisteredForTheServiceLoader() {
        assertThat(ServiceLoader.load(InterceptorPlugin.class).stream().map(provider -> provider.get().id()))
                .contains(CreateTopicPolicyPlugin.ID);
    }

    @Test
    void documentsEverySchemaProperty() {
        assertThat(PolicyDocs.path(plugin)).exists();
        assertThat(PolicyDocs.properties(plugin)).contains("name.pattern", "partitions.max", "replicationFactor.action", "configs.<key>.default");
        assertThat(PolicyDocs.undocumented(plugin)).isEmpty();
    }

    @Test
    void sharesTheConfigRulesSchemaWithTheAlterTopicConfigPolicy() {
        assertThat(ConfigSchemas.tree(plugin).at("/properties/configs/additionalProperties"))
                .isEqualTo(ConfigSchemas.tree(new AlterTopicConfigPolicyPlugin())
                        .at("/properties/configs/additionalProperties"));
    }

    @Test
    void schemaAcceptsEveryRule() {
        assertThat(ConfigSchemas.problems(plugin, Map.of(
                "name", Map.of("pattern", "[a-z.]+", "action", "INFO"),
                "partitions", Map.of("min", 1, "max", 12, "action", "OVERRIDE"),
                "replicationFactor", Map.of("min", 3),
                "configs", Map.of(
                        "cleanup.policy", Map.of("allowed", List.of("delete", "compact")),
                        "retention.ms", Map.of("min", 3_600_000, "max", 604_800_000, "default", 86_400_000,
                                "required", true, "action", "OVERRIDE"))))).isEmpty();
        assertThat(ConfigSchemas.problems(plugin, Map.of())).isEmpty();
    }

    @Test
    void schemaRefusesUnknownFieldsAndActions() {
        assertThat(ConfigSchemas.problems(plugin, Map.of("partitionz", Map.of()))).isNotEmpty();
        assertThat(ConfigSchemas.problems(plugin, Map.of("partitions", Map.of("max", 0)))).isNotEmpty();
        assertThat(ConfigSchemas.problems(plugin, Map.of("name", Map.of("pattern", "x", "action", "OVERRIDE"))))
                .isNotEmpty();
        assertThat(ConfigSchemas.problems(plugin, Map.of("name", Map.of("action", "INFO")))).singleElement()
                .asString().contains("pattern");
        assertThat(ConfigSchemas.problems(plugin, Map.of("configs", Map.of("retention.ms", Map.of("maximum", 1)))))
                .isNotEmpty();
        assertThat(ConfigSchemas.problems(plugin, Map.of("partitions", Map.of("action", "THROTTLE")))).isNotEmpty();
    }

    @Test
    void refusesANamePatternThatDoesNotCompile() {
        assertThatThrownBy(() -> create(Map.of("name", Map.of("pattern", "[a-"))))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.field()).isEqualTo("name.pattern"));
    }

    @Test
    void refusesAMinimumAboveTheMaximum() {
        assertThatThrownBy(() -> create(Map.of("partitions", Map.of("min", 6, "max", 3))))
                .isInstanceOfSatisfying(InvalidConfigException.class, e ->
                        assertThat(e.field()).isEqualTo("partitions.min"));
    }

    private void create(Map<String, ?> config) {
        plugin.create(new PluginConfig(config), new FakePluginContext());
    }
}
