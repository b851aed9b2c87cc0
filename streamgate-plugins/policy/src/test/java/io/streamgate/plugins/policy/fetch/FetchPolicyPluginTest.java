package io.streamgate.plugins.policy.fetch;

import io.streamgate.api.InvalidConfigException;
import io.streamgate.api.PluginConfig;
import io.streamgate.plugins.testkit.ConfigSchemas;
import io.streamgate.plugins.testkit.FakePluginContext;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FetchPolicyPluginTest {

    private final FetchPolicyPlugin plugin = new FetchPolicyPlugin();

    @Test
    void schemaAcceptsEveryRule() {
        assertThat(ConfigSchemas.problems(plugin, Map.of(
                "isolationLevel", Map.of("required", "read_committed", "action", "OVERRIDE"),
                "maxBytes", Map.of("max", 1_048_576, "action", "OVERRIDE"),
                "minBytes", Map.of("min", 1),
                "maxWaitMs", Map.of("min", 100, "max", 500, "action", "INFO"),
                "rackId", Map.of("required", true),
                "apiVersion", Map.of("min", 12)))).isEmpty();
    }

    @Test
    void schemaRefusesUnknownRulesValuesAndActions() {
        assertThat(ConfigSchemas.problems(plugin, Map.of("isolation", Map.of()))).isNotEmpty();
        assertThat(ConfigSchemas.problems(plugin, Map.of("isolationLevel", Map.of("required", "read_uncommitted"))))
                .isNotEmpty();
        assertThat(ConfigSchemas.problems(plugin, Map.of("maxBytes", Map.of()))).isNotEmpty();
        assertThat(ConfigSchemas.problems(plugin, Map.of("maxBytes", Map.of("max", -1)))).isNotEmpty();
        assertThat(ConfigSchemas.problems(plugin, Map.of("rackId", Map.of("action", "OVERRIDE")))).isNotEmpty();
        assertThat(ConfigSchemas.problems(plugin, Map.of("apiVersion", Map.of("min", 1, "action", "OVERRIDE"))))
                .isNotEmpty();
    }

    @Test
    void refusesBoundsThatLeaveNoValue() {
        assertThatThrownBy(() -> create(Map.of("maxWaitMs", Map.of("min", 500, "max", 100))))
                .isInstanceOfSatisfying(InvalidConfigException.class, e ->
                        assertThat(e.getMessage()).isEqualTo("maxWaitMs: min 500 is above max 100"));
    }

    @Test
    void refusesOverridingARackIdItCannotMakeUp() {
        assertThatThrownBy(() -> create(Map.of("rackId", Map.of("action", "OVERRIDE"))))
                .isInstanceOfSatisfying(InvalidConfigException.class, e ->
                        assertThat(e.field()).isEqualTo("rackId.action"));
    }

    private void create(Map<String, ?> config) {
        plugin.create(new PluginConfig(config), new FakePluginContext());
    }
}
