package io.streamgate.plugins.headers.mask;

import io.streamgate.api.Interceptor;
import io.streamgate.api.InvalidConfigException;
import io.streamgate.api.PluginConfig;
import io.streamgate.plugins.testkit.ConfigSchemas;
import io.streamgate.plugins.testkit.FakePluginContext;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MaskFieldsPluginTest {

    private static final List<Map<String, Object>> RULES = List.of(Map.of("path", "ssn"));

    private final MaskFieldsPlugin plugin = new MaskFieldsPlugin();

    @Test
    void describesItselfWithAStableId() {
        assertThat(plugin.id()).isEqualTo("mask-fields");
        assertThat(plugin.title()).isNotBlank();
        assertThat(plugin.description()).isNotBlank();
    }

    @Test
    void hasAClosedDraft202012SchemaDescribingEveryPropertyWithItsDefault() {
        assertThat(ConfigSchemas.styleProblems(plugin)).isEmpty();
        var schema = ConfigSchemas.tree(plugin);
        assertThat(schema.at("/properties/maskCharacter/default").asText()).isEqualTo("*");
        assertThat(schema.at("/properties/onNonJson/default").asText()).isEqualTo("keep");
        assertThat(schema.at("/properties/rules/items/properties/mode/default").asText()).isEqualTo("all");
        assertThat(schema.at("/properties/rules/items/properties/count/default").asInt())
                .isEqualTo(MaskFieldsPlugin.DEFAULT_COUNT);
    }

    @Test
    void schemaAcceptsAFullConfiguration() {
        assertThat(ConfigSchemas.problems(plugin, Map.of(
                "rules", List.of(Map.of("path", "a.b"), Map.of("path", "cards[*].number", "mode", "keepLast", "count", 4)),
                "maskCharacter", "#", "topics", "orders", "onNonJson", "fail"))).isEmpty();
    }

    @Test
    void schemaRefusesWhatCannotWork() {
        assertThat(ConfigSchemas.problems(plugin, Map.of())).isNotEmpty();
        assertThat(ConfigSchemas.problems(plugin, Map.of("rules", List.of()))).isNotEmpty();
        assertThat(ConfigSchemas.problems(plugin, Map.of("rules", List.of(Map.of("mode", "all"))))).isNotEmpty();
        assertThat(ConfigSchemas.problems(plugin, Map.of("rules", List.of(Map.of("path", "a", "mode", "middle")))))
                .isNotEmpty();
        assertThat(ConfigSchemas.problems(plugin, Map.of("rules", List.of(Map.of("path", "a", "count", -1)))))
                .isNotEmpty();
        assertThat(ConfigSchemas.problems(plugin, Map.of("rules", List.of(Map.of("path", "a", "cout", 1)))))
                .isNotEmpty();
        assertThat(ConfigSchemas.problems(plugin, Map.of("rules", RULES, "maskCharacter", "ab"))).isNotEmpty();
        assertThat(ConfigSchemas.problems(plugin, Map.of("rules", RULES, "onNonJson", "drop"))).isNotEmpty();
        assertThat(ConfigSchemas.problems(plugin, Map.of("rules", RULES, "extra", true))).isNotEmpty();
    }

    @Test
    void refusesABadPathNamingTheRule() {
        assertConfigError(Map.of("rules", List.of(Map.of("path", "a"), Map.of("path", "cards[x].number"))),
                "rules[1].path", "rules[1].path: invalid path 'cards[x].number': expected [*] or [n] with a number "
                        + "n >= 0 at position 5, got [x]");
    }

    @Test
    void refusesACountWithModeAll() {
        assertConfigError(Map.of("rules", List.of(Map.of("path", "a", "count", 2))),
                "rules[0].count", "rules[0].count: only applies to modes keepFirst and keepLast");
    }

    @Test
    void refusesAMaskCharacterThatIsNotOneCharacter() {
        assertConfigError(Map.of("rules", RULES, "maskCharacter", "ab"), "maskCharacter",
                "maskCharacter: must be exactly one character, got 'ab'");
        assertConfigError(Map.of("rules", RULES, "maskCharacter", ""), "maskCharacter",
                "maskCharacter: must be exactly one character, got ''");
    }

    @Test
    void acceptsAMaskCharacterOutsideTheBasicPlane() {
        assertThat(create(Map.of("rules", RULES, "maskCharacter", "🔒"))).isNotNull();
    }

    @Test
    void refusesWhatTheSchemaWouldHaveRefusedWithClearMessages() {
        assertConfigError(Map.of(), "rules", "rules: at least one rule is required");
        assertConfigError(Map.of("rules", List.of("ssn")), "rules[0]",
                "rules[0]: expected an object with path, mode and count");
        assertConfigError(Map.of("rules", List.of(Map.of("mode", "all"))), "rules[0].path", "rules[0].path: is required");
        assertConfigError(Map.of("rules", List.of(Map.of("path", 5))), "rules[0].path",
                "rules[0].path: expected a string, got 5");
        assertConfigError(Map.of("rules", List.of(Map.of("path", "a", "mode", "middle"))), "rules[0].mode",
                "rules[0].mode: must be one of [all, keepFirst, keepLast], got 'middle'");
        assertConfigError(Map.of("rules", List.of(Map.of("path", "a", "mode", "keepLast", "count", -1))),
                "rules[0].count", "rules[0].count: must be between 0 and 2147483647, got -1");
        assertConfigError(Map.of("rules", RULES, "onNonJson", "drop"), "onNonJson",
                "onNonJson: must be one of [keep, redact, fail], got 'drop'");
    }

    @Test
    void refusesATopicsPatternThatDoesNotCompile() {
        assertConfigError(Map.of("rules", RULES, "topics", "[a-"), "topics", null);
    }

    private Interceptor create(Map<String, ?> config) {
        return plugin.create(new PluginConfig(config), new FakePluginContext());
    }

    private void assertConfigError(Map<String, ?> config, String field, String message) {
        assertThatThrownBy(() -> create(config)).isInstanceOfSatisfying(InvalidConfigException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            if (message != null) {
                assertThat(e.getMessage()).isEqualTo(message);
            }
        });
    }
}
