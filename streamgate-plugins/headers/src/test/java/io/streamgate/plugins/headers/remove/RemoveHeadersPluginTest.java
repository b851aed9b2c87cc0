package io.streamgate.plugins.headers.remove;

import io.streamgate.api.InvalidConfigException;
import io.streamgate.api.PluginConfig;
import io.streamgate.plugins.testkit.ConfigSchemas;
import io.streamgate.plugins.testkit.FakePluginContext;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RemoveHeadersPluginTest {

    private final RemoveHeadersPlugin plugin = new RemoveHeadersPlugin();

    @Test
    void describesItselfWithAStableId() {
        assertThat(plugin.id()).isEqualTo("remove-headers");
        assertThat(plugin.title()).isNotBlank();
        assertThat(plugin.description()).isNotBlank();
    }

    @Test
    void hasAClosedDraft202012SchemaDescribingEveryProperty() {
        assertThat(ConfigSchemas.styleProblems(plugin)).isEmpty();
    }

    @Test
    void schemaRequiresAHeaderPatternAndRefusesUnknownFields() {
        assertThat(ConfigSchemas.problems(plugin, Map.of("headerPattern", "x-.*", "topics", "a"))).isEmpty();
        assertThat(ConfigSchemas.problems(plugin, Map.of("topics", "a"))).singleElement().asString()
                .contains("headerPattern");
        assertThat(ConfigSchemas.problems(plugin, Map.of("headerPattern", "x", "headers", "y"))).isNotEmpty();
        assertThat(ConfigSchemas.problems(plugin, Map.of("headerPattern", ""))).isNotEmpty();
    }

    @Test
    void refusesAHeaderPatternThatDoesNotCompile() {
        assertThatThrownBy(() -> create(Map.of("headerPattern", "x-[")))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> {
                    assertThat(e.field()).isEqualTo("headerPattern");
                    assertThat(e.getMessage()).startsWith("headerPattern: not a valid regular expression");
                });
    }

    @Test
    void refusesATopicsPatternThatDoesNotCompile() {
        assertThatThrownBy(() -> create(Map.of("headerPattern", "x", "topics", "*")))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.field()).isEqualTo("topics"));
    }

    @Test
    void refusesAMissingHeaderPatternEvenWithoutSchemaValidation() {
        assertThatThrownBy(() -> create(Map.of()))
                .isInstanceOfSatisfying(InvalidConfigException.class, e ->
                        assertThat(e.getMessage()).isEqualTo("headerPattern: is required"));
    }

    private void create(Map<String, ?> config) {
        plugin.create(new PluginConfig(config), new FakePluginContext());
    }
}
