package io.streamgate.plugins.policy.group;

import io.streamgate.api.InvalidConfigException;
import io.streamgate.api.PluginConfig;
import io.streamgate.plugins.policy.PolicyDocs;
import io.streamgate.plugins.testkit.ConfigSchemas;
import io.streamgate.plugins.testkit.FakePluginContext;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsumerGroupPolicyPluginTest {

    private final ConsumerGroupPolicyPlugin plugin = new ConsumerGroupPolicyPlugin();

    @Test
    void documentsEveryPropertyOfItsSchema() {
        assertThat(PolicyDocs.properties(plugin)).contains("groupId.pattern", "groupInstanceId.presence", "sessionTimeoutMs.min");
        assertThat(PolicyDocs.undocumented(plugin)).isEmpty();
    }

    @Test
    void schemaAcceptsEachRuleAndRefusesBadOnes() {
        assertThat(ConfigSchemas.problems(plugin, Map.of(
                "groupId", Map.of("pattern", "team-.*", "action", "INFO"),
                "sessionTimeoutMs", Map.of("min", 6000, "max", 60000, "action", "OVERRIDE"),
                "rebalanceTimeoutMs", Map.of("max", 300000),
                "groupInstanceId", Map.of("presence", "required")))).isEmpty();
        assertThat(ConfigSchemas.problems(plugin, Map.of())).isNotEmpty();
        assertThat(ConfigSchemas.problems(plugin, Map.of("groupId", Map.of("action", "INFO"))))
                .anySatisfy(problem -> assertThat(problem).contains("pattern"));
        assertThat(ConfigSchemas.problems(plugin, Map.of("groupId", Map.of("pattern", "a", "action", "OVERRIDE"))))
                .isNotEmpty();
        assertThat(ConfigSchemas.problems(plugin, Map.of("sessionTimeoutMs", Map.of("action", "OVERRIDE"))))
                .isNotEmpty();
        assertThat(ConfigSchemas.problems(plugin, Map.of("sessionTimeoutMs", Map.of("min", -1)))).isNotEmpty();
        assertThat(ConfigSchemas.problems(plugin, Map.of("groupInstanceId", Map.of("presence", "maybe"))))
                .isNotEmpty();
        assertThat(ConfigSchemas.problems(plugin, Map.of("groupIds", Map.of("pattern", "a")))).isNotEmpty();
    }

    @Test
    void refusesARangeWhoseMinimumIsAboveItsMaximum() {
        assertThatThrownBy(() -> create(Map.of("sessionTimeoutMs", Map.of("min", 60000, "max", 6000))))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> {
                    assertThat(e.field()).isEqualTo("sessionTimeoutMs");
                    assertThat(e.getMessage()).isEqualTo("sessionTimeoutMs: min 60000 is above max 6000");
                });
    }

    @Test
    void refusesAGroupIdPatternThatDoesNotCompileAndAnUnsupportedAction() {
        assertThatThrownBy(() -> create(Map.of("groupId", Map.of("pattern", "team-["))))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> {
                    assertThat(e.field()).isEqualTo("groupId.pattern");
                    assertThat(e.getMessage()).startsWith("groupId.pattern: not a valid regular expression");
                });
        assertThatThrownBy(() -> create(Map.of("groupId", Map.of("pattern", "a", "action", "OVERRIDE"))))
                .isInstanceOfSatisfying(InvalidConfigException.class,
                        e -> assertThat(e.field()).isEqualTo("groupId.action"));
    }

    private void create(Map<String, ?> config) {
        plugin.create(new PluginConfig(config), new FakePluginContext());
    }
}
