package io.streamgate.plugins.headers.inject;

import io.streamgate.api.Interceptor;
import io.streamgate.api.InvalidConfigException;
import io.streamgate.api.PluginConfig;
import io.streamgate.plugins.testkit.ConfigSchemas;
import io.streamgate.plugins.testkit.FakePluginContext;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InjectHeadersPluginTest {

    private final InjectHeadersPlugin plugin = new InjectHeadersPlugin();

    @Test
    void describesItselfWithAStableId() {
        assertThat(plugin.id()).isEqualTo("inject-headers");
        assertThat(plugin.title()).isNotBlank();
        assertThat(plugin.description()).contains("{{uuid}}");
    }

    @Test
    void hasAClosedDraft202012SchemaDescribingEveryProperty() {
        assertThat(ConfigSchemas.styleProblems(plugin)).isEmpty();
        assertThat(ConfigSchemas.tree(plugin).at("/properties/overrideExisting/default").asBoolean(true)).isFalse();
    }

    @Test
    void schemaAcceptsAFullConfiguration() {
        assertThat(ConfigSchemas.problems(plugin, Map.of("headers", Map.of("x-user", "{{user}}"),
                "topics", "orders-.*", "overrideExisting", true))).isEmpty();
    }

    @Test
    void schemaRequiresAtLeastOneHeader() {
        assertThat(ConfigSchemas.problems(plugin, Map.of())).singleElement().asString().contains("headers");
        assertThat(ConfigSchemas.problems(plugin, Map.of("headers", Map.of()))).isNotEmpty();
    }

    @Test
    void schemaRefusesUnknownFieldsAndWrongTypes() {
        assertThat(ConfigSchemas.problems(plugin, Map.of("headers", Map.of("a", "b"), "topic", "x")))
                .singleElement().asString().contains("topic");
        assertThat(ConfigSchemas.problems(plugin, Map.of("headers", Map.of("a", 1)))).isNotEmpty();
        assertThat(ConfigSchemas.problems(plugin, Map.of("headers", Map.of("a", "b"), "overrideExisting", "yes")))
                .isNotEmpty();
    }

    @Test
    void refusesAnUnknownTemplateVariableNamingTheHeader() {
        assertThatThrownBy(() -> create(Map.of("headers", Map.of("x-owner", "{{user}}-{{team}}"))))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> {
                    assertThat(e.field()).isEqualTo("headers.x-owner");
                    assertThat(e.getMessage()).isEqualTo("headers.x-owner: unknown template variable {{team}}; known: "
                            + "user, clientId, clientIp, vcluster, gatewayHost, apiVersion, timestamp, uuid");
                });
    }

    @Test
    void refusesAnUnclosedPlaceholder() {
        assertThatThrownBy(() -> create(Map.of("headers", Map.of("x-a", "ab{{user"))))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> {
                    assertThat(e.field()).isEqualTo("headers.x-a");
                    assertThat(e.getMessage()).isEqualTo("headers.x-a: '{{' at position 2 has no closing '}}'");
                });
    }

    @Test
    void refusesATopicsPatternThatDoesNotCompile() {
        assertThatThrownBy(() -> create(Map.of("headers", Map.of("a", "b"), "topics", "orders(")))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> {
                    assertThat(e.field()).isEqualTo("topics");
                    assertThat(e.getMessage()).startsWith("topics: not a valid regular expression");
                });
    }

    @Test
    void refusesNoHeadersAndEmptyHeaderNamesEvenWithoutSchemaValidation() {
        assertThatThrownBy(() -> create(Map.of()))
                .isInstanceOfSatisfying(InvalidConfigException.class, e ->
                        assertThat(e.getMessage()).isEqualTo("headers: at least one header is required"));
        assertThatThrownBy(() -> create(Map.of("headers", Map.of("", "x"))))
                .isInstanceOfSatisfying(InvalidConfigException.class, e ->
                        assertThat(e.getMessage()).isEqualTo("headers: a header name cannot be empty"));
    }

    @Test
    void acceptsTemplatesWithoutPlaceholdersAndStrayBraces() {
        assertThat(create(Map.of("headers", Map.of("a", "plain", "b", "}} {x} }")))).isNotNull();
    }

    private Interceptor create(Map<String, ?> config) {
        return plugin.create(new PluginConfig(config), new FakePluginContext());
    }
}
