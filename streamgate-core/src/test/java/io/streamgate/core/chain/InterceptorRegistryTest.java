package io.streamgate.core.chain;

import io.streamgate.api.Interceptor;
import io.streamgate.api.InterceptorPlugin;
import io.streamgate.api.InvalidConfigException;
import io.streamgate.api.PluginConfig;
import io.streamgate.api.PluginContext;
import io.streamgate.api.RequestOutcome;
import io.streamgate.api.Scope;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InterceptorRegistryTest {

    private static final AtomicInteger CLOSED = new AtomicInteger();

    private final InterceptorRegistry registry = new InterceptorRegistry(PluginCatalog.of(new ProducePlugin()),
            new FakePluginContext(), Map.of("SECRET", "s3cret"), Duration.ZERO);

    @AfterEach
    void close() {
        registry.close();
    }

    @Test
    void ordersTheChainByPriorityThenName() {
        registry.put(definition("b", 200, Scope.GLOBAL));
        registry.put(definition("a", 100, Scope.GLOBAL));
        registry.put(definition("c", 100, Scope.GLOBAL));

        assertThat(registry.resolve(null, "alice", Set.of())).extracting(InterceptorDefinition::name)
                .containsExactly("a", "c", "b");
    }

    @Test
    void aNarrowerScopeReplacesTheBroaderOneOfTheSameName() {
        registry.put(definition("limits", 100, Scope.GLOBAL));
        registry.put(definition("limits", 300, Scope.virtualCluster("payments")));
        registry.put(definition("limits", 200, Scope.group("ops")));
        registry.put(definition("limits", 400, Scope.username("alice")));

        assertThat(priorityFor(null, "bob", Set.of())).isEqualTo(100);
        assertThat(priorityFor("payments", "bob", Set.of())).isEqualTo(300);
        assertThat(priorityFor("payments", "bob", Set.of("ops"))).isEqualTo(200);
        assertThat(priorityFor("payments", "alice", Set.of("ops"))).isEqualTo(400);
    }

    @Test
    void aScopeWithAVirtualClusterBeatsTheSameLevelWithout() {
        registry.put(definition("x", 1, Scope.username("alice")));
        registry.put(definition("x", 2, new Scope("payments", null, "alice")));

        assertThat(priorityFor("payments", "alice", Set.of())).isEqualTo(2);
        assertThat(priorityFor("orders", "alice", Set.of())).isEqualTo(1);
    }

    @Test
    void indexesTheChainByTheApisItsHooksHandle() {
        registry.put(definition("p", 1, Scope.GLOBAL));

        EffectiveChain chain = registry.chainFor(new ChainIdentity(null, "u", Set.of()));

        assertThat(chain.requestStages(ApiKeys.PRODUCE)).hasSize(1);
        assertThat(chain.requestStages(ApiKeys.FETCH)).isEmpty();
        assertThat(chain.responseStages(ApiKeys.FETCH)).hasSize(1);
        assertThat(chain.responseStages(ApiKeys.PRODUCE)).isEmpty();
    }

    @Test
    void bumpsTheVersionOnEveryChangeAndNotOnARepeat() {
        int start = registry.version();
        registry.put(definition("a", 1, Scope.GLOBAL));
        int afterPut = registry.version();
        assertThat(registry.put(definition("a", 1, Scope.GLOBAL))).isFalse();

        assertThat(afterPut).isGreaterThan(start);
        assertThat(registry.version()).isEqualTo(afterPut);
        assertThat(registry.remove("a", Scope.GLOBAL)).isTrue();
        assertThat(registry.version()).isGreaterThan(afterPut);
    }

    @Test
    void refusesAnUnknownPluginNamingIt() {
        assertThatThrownBy(() -> registry.put(new InterceptorDefinition("x", "nope", 1, Scope.GLOBAL, Map.of(), null)))
                .isInstanceOf(InvalidInterceptorException.class)
                .hasMessage("spec.plugin: unknown plugin 'nope'; known plugins: [test-produce]")
                .extracting("field").isEqualTo("spec.plugin");
    }

    @Test
    void refusesAConfigThatFailsThePluginsSchemaNamingTheField() {
        assertThatThrownBy(() -> registry.put(new InterceptorDefinition("x", "test-produce", 1, Scope.GLOBAL,
                Map.of("label", 42), null)))
                .isInstanceOf(InvalidInterceptorException.class)
                .satisfies(e -> assertThat(((InvalidInterceptorException) e).field()).isEqualTo("spec.config.label"));
        assertThat(registry.definitions()).isEmpty();
    }

    @Test
    void reportsTheFieldThePluginRefuses() {
        assertThatThrownBy(() -> registry.put(new InterceptorDefinition("x", "test-produce", 1, Scope.GLOBAL,
                Map.of("label", "bad label"), null)))
                .isInstanceOf(InvalidInterceptorException.class)
                .hasMessage("spec.config.label: no spaces");
    }

    @Test
    void replacesEnvironmentReferencesAndRefusesUnsetOnes() {
        registry.put(new InterceptorDefinition("ok", "test-produce", 1, Scope.GLOBAL, Map.of("label", "${SECRET}"), null));
        assertThat(ProducePlugin.lastLabel).isEqualTo("s3cret");
        assertThat(registry.definitions().get(0).config()).as("the stored config keeps the reference")
                .containsEntry("label", "${SECRET}");

        assertThatThrownBy(() -> registry.put(new InterceptorDefinition("ko", "test-produce", 1, Scope.GLOBAL,
                Map.of("label", "${MISSING}"), null)))
                .hasMessage("spec.config.label: environment variable MISSING is not set");
    }

    @Test
    void replaceAllInstallsTheGoodDefinitionsAndSkipsTheBad() {
        registry.put(definition("old", 1, Scope.GLOBAL));

        registry.replaceAll(List.of(definition("new", 1, Scope.GLOBAL),
                new InterceptorDefinition("broken", "nope", 1, Scope.GLOBAL, Map.of(), null)));

        assertThat(registry.definitions()).extracting(InterceptorDefinition::name).containsExactly("new");
    }

    @Test
    void closesAReplacedInterceptor() throws Exception {
        int closedBefore = CLOSED.get();
        registry.put(definition("a", 1, Scope.GLOBAL));
        registry.put(definition("a", 2, Scope.GLOBAL));

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> CLOSED.get() > closedBefore);
    }

    @Test
    void closingTheRegistryClosesReplacedInterceptorsStillInTheirGracePeriod() {
        InterceptorRegistry patient = new InterceptorRegistry(PluginCatalog.of(new ProducePlugin()),
                new FakePluginContext(), Map.of(), Duration.ofHours(1));
        patient.put(definition("a", 1, Scope.GLOBAL));
        patient.put(definition("a", 2, Scope.GLOBAL));
        int closedBefore = CLOSED.get();

        patient.close();

        assertThat(CLOSED.get() - closedBefore).as("the replaced and the installed interceptor").isEqualTo(2);
    }

    private int priorityFor(String vcluster, String user, Set<String> groups) {
        return registry.resolve(vcluster, user, groups).get(0).priority();
    }

    private static InterceptorDefinition definition(String name, int priority, Scope scope) {
        return new InterceptorDefinition(name, "test-produce", priority, scope, Map.of("label", name), null);
    }

    /** Hooks Produce requests and Fetch responses; refuses labels with spaces. */
    static final class ProducePlugin implements InterceptorPlugin {
        static volatile String lastLabel;

        @Override
        public String id() {
            return "test-produce";
        }

        @Override
        public String title() {
            return "Test";
        }

        @Override
        public String description() {
            return "Test plugin";
        }

        @Override
        public String configSchema() {
            return "{\"type\":\"object\",\"properties\":{\"label\":{\"type\":\"string\"}},\"additionalProperties\":false}";
        }

        @Override
        public Interceptor create(PluginConfig config, PluginContext context) {
            String label = config.string("label", "");
            if (label.contains(" ")) {
                throw new InvalidConfigException("label", "no spaces");
            }
            lastLabel = label;
            return new Interceptor() {
                @Override
                public void registerHooks(io.streamgate.api.Hooks hooks) {
                    hooks.onRequest(ProduceRequestData.class, (ctx, request) -> RequestOutcome.forward());
                    hooks.onResponse(FetchResponseData.class, (ctx, response) ->
                            io.streamgate.api.ResponseOutcome.forward());
                }

                @Override
                public void close() {
                    CLOSED.incrementAndGet();
                }
            };
        }
    }

    private static final class FakePluginContext implements PluginContext {
        @Override
        public Map<String, Object> upstreamClientProperties() {
            return new java.util.HashMap<>();
        }

        @Override
        public String gatewayHost() {
            return "gateway";
        }

        @Override
        public Path dataDirectory() {
            return Path.of("target");
        }
    }
}
