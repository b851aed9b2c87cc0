package io.streamgate.plugins.policy.ratelimit;

import io.streamgate.api.InvalidConfigException;
import io.streamgate.api.PluginConfig;
import io.streamgate.plugins.policy.PolicyDocs;
import io.streamgate.plugins.testkit.ConfigSchemas;
import io.streamgate.plugins.testkit.FakePluginContext;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimitPluginTest {

    private final RateLimitPlugin plugin = new RateLimitPlugin();

    @Test
    void schemaAcceptsEveryLimitAndKey() {
        assertThat(ConfigSchemas.problems(plugin, Map.of("key", "clientId", "produceBytesPerSecond", 1_048_576,
                "fetchBytesPerSecond", 2_097_152, "joinGroupsPerMinute", 10, "offsetCommitsPerMinute", 600,
                "groupAction", "BLOCK"))).isEmpty();
    }

    @Test
    void schemaRefusesNonPositiveLimitsUnknownKeysAndActions() {
        assertThat(ConfigSchemas.problems(plugin, Map.of("produceBytesPerSecond", 0))).singleElement().asString()
                .contains("produceBytesPerSecond");
        assertThat(ConfigSchemas.problems(plugin, Map.of("produceBytesPerSecond", 1, "key", "host"))).singleElement()
                .asString().contains("key");
        assertThat(ConfigSchemas.problems(plugin, Map.of("joinGroupsPerMinute", 1, "groupAction", "INFO")))
                .singleElement().asString().contains("groupAction");
        assertThat(ConfigSchemas.problems(plugin, Map.of("produceBytesPerSec", 1))).isNotEmpty();
        assertThat(ConfigSchemas.problems(plugin, Map.of("connectionsPerSecond", 5, "connectionAction", "BLOCK")))
                .isEmpty();
        assertThat(ConfigSchemas.problems(plugin, Map.of("connectionsPerSecond", 5, "connectionAction", "INFO")))
                .singleElement().asString().contains("connectionAction");
    }

    @Test
    void acceptsAConnectionLimitAsTheOnlyLimit() {
        assertThat(plugin.create(new PluginConfig(Map.of("connectionsPerSecond", 5)), new FakePluginContext()))
                .isNotNull();
        assertThatThrownBy(() -> plugin.create(new PluginConfig(Map.of("connectionsPerSecond", 0)),
                new FakePluginContext())).isInstanceOfSatisfying(InvalidConfigException.class, e ->
                        assertThat(e.field()).isEqualTo("connectionsPerSecond"));
    }

    @Test
    void refusesAConfigurationWithoutALimitNamingEveryLimit() {
        assertThat(ConfigSchemas.problems(plugin, Map.of("key", "principal"))).as("the plugin says it").isEmpty();
        assertThatThrownBy(() -> plugin.create(new PluginConfig(Map.of("key", "principal")), new FakePluginContext()))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.getMessage()).isEqualTo(
                        "produceBytesPerSecond: set at least one limit: produceBytesPerSecond, fetchBytesPerSecond, "
                                + "joinGroupsPerMinute, offsetCommitsPerMinute or connectionsPerSecond"));
    }

    @Test
    void documentsEveryConfigurationPropertyAndHowLimitsAddUpOverGatewayInstances() {
        assertThat(PolicyDocs.undocumented(plugin)).isEmpty();
        assertThat(PolicyDocs.page(plugin)).contains("## Several gateway instances");
    }
}
