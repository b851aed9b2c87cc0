package io.streamgate.plugins.policy.schemaid;

import io.streamgate.plugins.policy.PolicyDocs;
import io.streamgate.plugins.testkit.ConfigSchemas;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaIdRequiredPluginTest {

    private final SchemaIdRequiredPlugin plugin = new SchemaIdRequiredPlugin();

    @Test
    void schemaAcceptsTheModesAndBlockOrInfoOnly() {
        assertThat(ConfigSchemas.problems(plugin, Map.of())).isEmpty();
        assertThat(ConfigSchemas.problems(plugin, Map.of("mode", "forbidden", "topics", "a.*", "action", "INFO")))
                .isEmpty();
        assertThat(ConfigSchemas.problems(plugin, Map.of("mode", "sometimes"))).singleElement().asString()
                .contains("mode");
        assertThat(ConfigSchemas.problems(plugin, Map.of("action", "THROTTLE"))).singleElement().asString()
                .contains("action");
        assertThat(ConfigSchemas.problems(plugin, Map.of("topic", "a"))).isNotEmpty();
    }

    @Test
    void documentsEveryConfigurationProperty() {
        assertThat(PolicyDocs.undocumented(plugin)).isEmpty();
    }
}
