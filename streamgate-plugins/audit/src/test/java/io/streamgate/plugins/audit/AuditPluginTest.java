package io.streamgate.plugins.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamgate.api.Interceptor;
import io.streamgate.api.InterceptorPlugin;
import io.streamgate.api.InvalidConfigException;
import io.streamgate.api.PluginConfig;
import io.streamgate.plugins.testkit.ConfigSchemas;
import io.streamgate.plugins.testkit.FakeConnection;
import io.streamgate.plugins.testkit.FakeInterceptorContext;
import io.streamgate.plugins.testkit.FakePluginContext;
import io.streamgate.plugins.testkit.RegisteredHooks;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditPluginTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDirectory;

    private final AuditPlugin plugin = new AuditPlugin(Clock.fixed(Instant.parse("2025-01-02T03:04:05.678Z"),
            ZoneOffset.UTC));

    @Test
    void isFoundByTheServiceLoaderWithAStableId() {
        assertThat(ServiceLoader.load(InterceptorPlugin.class).stream().map(p -> p.get().id())).containsExactly("audit");
        assertThat(plugin.title()).isEqualTo("Audit");
        assertThat(plugin.description()).isNotBlank();
    }

    @Test
    void hasAClosedDraft202012SchemaDescribingEveryProperty() {
        assertThat(ConfigSchemas.styleProblems(plugin)).isEmpty();
        assertThat(ConfigSchemas.tree(plugin).at("/properties/queueCapacity/default").asInt())
                .isEqualTo(AuditConfig.DEFAULT_QUEUE_CAPACITY);
    }

    @Test
    void schemaAcceptsEitherSinkOrBoth() {
        assertThat(ConfigSchemas.problems(plugin, Map.of("apis", List.of("Produce"), "topic", "audit"))).isEmpty();
        assertThat(ConfigSchemas.problems(plugin, Map.of("apis", List.of("Produce"), "file", "audit.jsonl"))).isEmpty();
        assertThat(ConfigSchemas.problems(plugin, Map.of("apis", List.of("Produce", "CreateTopics"),
                "users", List.of("alice"), "topics", "orders.*", "topic", "audit", "file", "a.jsonl",
                "queueCapacity", 10))).isEmpty();
    }

    @Test
    void schemaRefusesNoSinkNoApisAndUnknownFields() {
        assertThat(ConfigSchemas.problems(plugin, Map.of("apis", List.of("Produce")))).isNotEmpty();
        assertThat(ConfigSchemas.problems(plugin, Map.of("topic", "audit"))).isNotEmpty();
        assertThat(ConfigSchemas.problems(plugin, Map.of("apis", List.of(), "topic", "audit"))).isNotEmpty();
        assertThat(ConfigSchemas.problems(plugin, Map.of("apis", List.of("Produce"), "topic", "bad topic!")))
                .isNotEmpty();
        assertThat(ConfigSchemas.problems(plugin, Map.of("apis", List.of("Produce"), "topic", "a", "sink", "x")))
                .isNotEmpty();
        assertThat(ConfigSchemas.problems(plugin, Map.of("apis", List.of("Produce"), "topic", "a", "queueCapacity", 0)))
                .isNotEmpty();
    }

    @Test
    void refusesAnUnknownApiSuggestingTheRightSpelling() {
        assertConfigError(Map.of("apis", List.of("Produce", "create_topics"), "topic", "audit"), "apis[1]",
                "apis[1]: unknown API 'create_topics'; did you mean 'CreateTopics'? (API names are spelled as in "
                        + "Kafka's protocol, e.g. Produce, Fetch, CreateTopics)");
        assertConfigError(Map.of("apis", List.of("Nonsense"), "topic", "audit"), "apis[0]",
                "apis[0]: unknown API 'Nonsense' (API names are spelled as in Kafka's protocol, e.g. Produce, Fetch, "
                        + "CreateTopics)");
    }

    @Test
    void refusesAConfigurationWithoutSink() {
        assertConfigError(Map.of("apis", List.of("Produce")), "", "at least one sink is required: topic and/or file");
    }

    @Test
    void refusesWhatCannotBeUsed() {
        assertConfigError(Map.of("topic", "audit"), "apis", "apis: at least one API is required");
        assertConfigError(Map.of("apis", List.of("Produce"), "topic", "no spaces"), "topic",
                "topic: 'no spaces' is not a valid Kafka topic name (up to 249 of a-z, A-Z, 0-9, '.', '_', '-')");
        assertConfigError(Map.of("apis", List.of("Produce"), "topic", "audit", "topics", "(orders"), "topics", null);
        assertConfigError(Map.of("apis", List.of("Produce"), "topic", "audit", "queueCapacity", 0), "queueCapacity",
                "queueCapacity: must be between 1 and 1000000, got 0");
        assertConfigError(Map.of("apis", List.of("Produce"), "file", "."), "file", null);
        assertConfigError(Map.of("apis", List.of(1), "topic", "audit"), "apis[0]", "apis[0]: expected a string");
    }

    @Test
    void appendsOneJsonLinePerEventToAFileUnderTheDataDirectory() throws Exception {
        Path existing = dataDirectory.resolve("audit/events.jsonl");
        Files.createDirectories(existing.getParent());
        Files.writeString(existing, "{\"earlier\":true}\n");
        Interceptor interceptor = create(Map.of("apis", List.of("CreateTopics"), "file", "audit/events.jsonl"));
        RegisteredHooks hooks = RegisteredHooks.of(interceptor);
        FakeInterceptorContext context = new FakeInterceptorContext(ApiKeys.CREATE_TOPICS, (short) 7,
                new FakeConnection().principal("alice").clientId("tool"));

        hooks.request(context, AuditInterceptorTest.createTopics("orders"));
        hooks.response(context, AuditInterceptorTest.createTopicsResponse(Map.of("orders", Errors.POLICY_VIOLATION)));
        interceptor.close();

        List<String> lines = Files.readAllLines(existing);
        assertThat(lines).hasSize(2).first().isEqualTo("{\"earlier\":true}");
        JsonNode event = JSON.readTree(lines.get(1));
        assertThat(event.fieldNames()).toIterable().containsExactly("time", "gatewayHost", "connectionId",
                "clientAddress", "principal", "clientId", "virtualCluster", "api", "apiVersion", "topics", "outcome",
                "errors");
        assertThat(event.get("time").asText()).isEqualTo("2025-01-02T03:04:05.678Z");
        assertThat(event.get("gatewayHost").asText()).isEqualTo("gateway.test");
        assertThat(event.get("clientAddress").asText()).isEqualTo("192.0.2.7:51234");
        assertThat(event.get("principal").asText()).isEqualTo("alice");
        assertThat(event.get("clientId").asText()).isEqualTo("tool");
        assertThat(event.get("virtualCluster").isNull()).isTrue();
        assertThat(event.get("api").asText()).isEqualTo("CreateTopics");
        assertThat(event.get("apiVersion").asInt()).isEqualTo(7);
        assertThat(event.get("topics")).hasSize(1).first().extracting(JsonNode::asText).isEqualTo("orders");
        assertThat(event.get("outcome").asText()).isEqualTo("error");
        assertThat(event.get("errors").get("POLICY_VIOLATION").asInt()).isEqualTo(1);
    }

    @Test
    void connectsToNothingWhenOnlyValidated() {
        // The gateway validates a definition by creating and closing it: no producer may be made then.
        Interceptor interceptor = create(Map.of("apis", List.of("Produce"), "topic", "audit"));

        long start = System.nanoTime();
        interceptor.close();

        assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
    }

    private Interceptor create(Map<String, ?> config) {
        return plugin.create(new PluginConfig(config), new FakePluginContext(dataDirectory));
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
