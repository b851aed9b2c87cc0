package io.streamgate.plugins.testkit;

import io.streamgate.api.Interceptor;
import io.streamgate.api.InterceptorPlugin;
import io.streamgate.api.PluginConfig;
import io.streamgate.api.PluginContext;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigSchemasTest {

    @Test
    void validatesAConfigurationAgainstThePluginsSchema() {
        InterceptorPlugin plugin = withSchema("""
                {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
                 "description": "d", "additionalProperties": false,
                 "properties": {"pattern": {"type": "string", "description": "d"}}, "required": ["pattern"]}""");

        assertThat(ConfigSchemas.problems(plugin, Map.of("pattern", "x"))).isEmpty();
        assertThat(ConfigSchemas.problems(plugin, Map.of())).isNotEmpty();
        assertThat(ConfigSchemas.problems(plugin, Map.of("pattern", "x", "other", 1))).isNotEmpty();
        assertThat(ConfigSchemas.styleProblems(plugin)).isEmpty();
    }

    @Test
    void namesWhatBreaksTheStyleOfPluginSchemasByPath() {
        InterceptorPlugin plugin = withSchema("""
                {"$schema": "http://json-schema.org/draft-07/schema#", "type": "object",
                 "properties": {"rules": {"type": "array", "description": "d",
                   "items": {"type": "object", "description": "d", "properties": {"path": {"type": "string"}}}}}}""");

        assertThat(ConfigSchemas.styleProblems(plugin)).containsExactly("$schema is not draft 2020-12",
                "$ has no description", "$ does not say additionalProperties",
                "$.rules[] does not say additionalProperties", "$.rules[].path has no description");
        assertThat(ConfigSchemas.tree(plugin).at("/properties/rules/type").asText()).isEqualTo("array");
    }

    private static InterceptorPlugin withSchema(String schema) {
        return new InterceptorPlugin() {
            @Override
            public String id() {
                return "under-test";
            }

            @Override
            public String title() {
                return "Under test";
            }

            @Override
            public String description() {
                return "A plugin that is only a schema.";
            }

            @Override
            public String configSchema() {
                return schema;
            }

            @Override
            public Interceptor create(PluginConfig config, PluginContext context) {
                return hooks -> hooks.onRequests(List.of(), (ctx, request) -> null);
            }
        };
    }
}
