package io.streamgate.plugins.policy.produce;

import io.streamgate.api.InvalidConfigException;
import io.streamgate.api.PluginConfig;
import io.streamgate.plugins.testkit.ConfigSchemas;
import io.streamgate.plugins.testkit.FakePluginContext;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProducePolicyPluginTest {

    private final ProducePolicyPlugin plugin = new ProducePolicyPlugin();

    @Test
    void schemaAcceptsEveryRule() {
        assertThat(ConfigSchemas.problems(plugin, Map.of(
                "topics", "orders-.*",
                "acks", Map.of("allowed", List.of(-1), "action", "BLOCK"),
                "compression", Map.of("allowed", List.of("lz4", "zstd")),
                "idempotence", Map.of(),
                "transactions", Map.of("action", "INFO"),
                "headers", Map.of("required", List.of("trace-id")),
                "apiVersion", Map.of("min", 9, "max", 13),
                "recordBatchSize", Map.of("max", 1_048_576)))).isEmpty();
    }

    @Test
    void schemaRefusesUnknownRulesValuesAndActions() {
        assertThat(ConfigSchemas.problems(plugin, Map.of("ack", Map.of("allowed", List.of(-1))))).isNotEmpty();
        assertThat(ConfigSchemas.problems(plugin, Map.of("acks", Map.of("allowed", List.of(2))))).isNotEmpty();
        assertThat(ConfigSchemas.problems(plugin, Map.of("acks", Map.of()))).singleElement().asString()
                .contains("allowed");
        assertThat(ConfigSchemas.problems(plugin, Map.of("compression", Map.of("allowed", List.of("brotli")))))
                .isNotEmpty();
        assertThat(ConfigSchemas.problems(plugin, Map.of("idempotence", Map.of("action", "OVERRIDE")))).isNotEmpty();
        assertThat(ConfigSchemas.problems(plugin, Map.of("headers", Map.of("required", List.of())))).isNotEmpty();
        assertThat(ConfigSchemas.problems(plugin, Map.of("recordBatchSize", Map.of("max", 0)))).isNotEmpty();
    }

    @Test
    void refusesAnApiVersionRangeThatIsEmpty() {
        assertThatThrownBy(() -> create(Map.of("apiVersion", Map.of("min", 10, "max", 9))))
                .isInstanceOfSatisfying(InvalidConfigException.class, e ->
                        assertThat(e.getMessage()).isEqualTo("apiVersion: min 10 is above max 9"));
    }

    @Test
    void refusesAnActionTheRuleCannotCarryOutEvenWithoutSchemaValidation() {
        assertThatThrownBy(() -> create(Map.of("transactions", Map.of("action", "OVERRIDE"))))
                .isInstanceOfSatisfying(InvalidConfigException.class, e ->
                        assertThat(e.field()).isEqualTo("transactions.action"));
    }

    @Test
    void refusesAnAcksRuleWithoutAllowedValuesEvenWithoutSchemaValidation() {
        assertThatThrownBy(() -> create(Map.of("acks", Map.of())))
                .isInstanceOfSatisfying(InvalidConfigException.class, e ->
                        assertThat(e.field()).isEqualTo("acks.allowed"));
        assertThatThrownBy(() -> create(Map.of("acks", Map.of("allowed", List.of(2)))))
                .isInstanceOfSatisfying(InvalidConfigException.class, e ->
                        assertThat(e.getMessage()).isEqualTo("acks.allowed: expected -1, 0 or 1, got 2"));
    }

    @Test
    void refusesATopicsPatternThatDoesNotCompile() {
        assertThatThrownBy(() -> create(Map.of("topics", "*")))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.field()).isEqualTo("topics"));
    }

    private void create(Map<String, ?> config) {
        plugin.create(new PluginConfig(config), new FakePluginContext());
    }
}
