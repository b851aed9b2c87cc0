package io.streamgate.admin.interceptors;

import io.streamgate.admin.testing.TagPlugin;
import io.streamgate.admin.testing.TestPluginContext;
import io.streamgate.api.Scope;
import io.streamgate.core.chain.InterceptorDefinition;
import io.streamgate.core.chain.InterceptorRegistry;
import io.streamgate.core.chain.PluginCatalog;
import io.streamgate.state.Resource;
import io.streamgate.state.ResourceId;
import io.streamgate.state.document.ResourceDocuments;
import io.streamgate.state.file.FileResourceStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

class InterceptorSyncTest {

    private static final Duration WITHIN_A_SECOND = Duration.ofSeconds(1);

    @TempDir
    Path dataDir;

    private FileResourceStore store;
    private InterceptorRegistry registry;
    private InterceptorSync sync;

    @BeforeEach
    void open() {
        store = new FileResourceStore(dataDir);
        registry = new InterceptorRegistry(PluginCatalog.of(new TagPlugin()), new TestPluginContext(dataDir), Map.of(),
                Duration.ZERO);
    }

    @AfterEach
    void close() {
        if (sync != null) {
            sync.close();
        }
        registry.close();
        store.close();
    }

    @Test
    void installsEveryStoredInterceptorWhenItStarts() {
        store.put(interceptor("tag", "", 10), "seed");
        store.put(interceptor("tag", "scope: {username: alice}", 20), "seed");
        store.put(interceptor("other", "", 30), "seed");

        sync = new InterceptorSync(store, registry).start();

        assertThat(registry.definitions()).extracting(InterceptorDefinition::name, InterceptorDefinition::priority)
                .containsExactlyInAnyOrder(tuple("tag", 10),
                        tuple("tag", 20), tuple("other", 30));
        assertThat(registry.resolve(null, "alice", Set.of())).extracting(InterceptorDefinition::priority)
                .containsExactly(20, 30);
        assertThat(sync.failures()).isEmpty();
    }

    @Test
    void removesInstalledInterceptorsTheStoreDoesNotHave() {
        registry.put(new InterceptorDefinition("stale", TagPlugin.ID, 1, Scope.GLOBAL, headers(), null));

        sync = new InterceptorSync(store, registry).start();

        assertThat(registry.definitions()).isEmpty();
    }

    @Test
    void appliesACreationAnUpdateAndADeleteWithinASecond() {
        sync = new InterceptorSync(store, registry).start();

        store.put(interceptor("tag", "scope: {group: ops}", 10), "alice");
        await().atMost(WITHIN_A_SECOND).until(() -> priorityOf("tag", Scope.group("ops")) == 10);

        store.put(interceptor("tag", "scope: {group: ops}", 11), "alice");
        await().atMost(WITHIN_A_SECOND).until(() -> priorityOf("tag", Scope.group("ops")) == 11);

        store.delete(new ResourceId("Interceptor", "tag", Scope.group("ops")), "alice");
        await().atMost(WITHIN_A_SECOND).until(() -> registry.definitions().isEmpty());
    }

    @Test
    void aResourceThatCannotBeInstalledHereIsRecordedAndTheOthersStillRun() {
        store.put(ResourceDocuments.parseSingle("""
                kind: Interceptor
                metadata: {name: broken}
                spec: {plugin: missing-here}""", null), "other-instance");
        store.put(interceptor("fine", "", 5), "seed");

        sync = new InterceptorSync(store, registry).start();

        assertThat(registry.definitions()).extracting(InterceptorDefinition::name).containsExactly("fine");
        assertThat(sync.failures()).containsOnlyKeys(new ResourceId("Interceptor", "broken", Scope.GLOBAL));
    }

    @Test
    void aChangeThatCannotBeInstalledKeepsThePreviousVersionRunningUntilAGoodOneComes() {
        store.put(interceptor("tag", "", 10), "alice");
        sync = new InterceptorSync(store, registry).start();
        ResourceId id = new ResourceId("Interceptor", "tag", Scope.GLOBAL);

        store.put(ResourceDocuments.parseSingle("""
                kind: Interceptor
                metadata: {name: tag}
                spec: {plugin: test-tag, priority: 20, config: {headers: {forbidden: x}}}""", null), "bob");

        await().atMost(WITHIN_A_SECOND).until(() -> sync.failures().containsKey(id));
        assertThat(priorityOf("tag", Scope.GLOBAL)).isEqualTo(10);
        assertThat(sync.failures().get(id)).contains("spec.config.headers.forbidden");

        store.put(interceptor("tag", "", 30), "alice");
        await().atMost(WITHIN_A_SECOND).until(() -> priorityOf("tag", Scope.GLOBAL) == 30);
        assertThat(sync.failures()).isEmpty();
    }

    @Test
    void otherKindsAreLeftAlone() {
        sync = new InterceptorSync(store, registry).start();

        store.put(Resource.of("VirtualCluster", "payments"), "alice");
        store.put(interceptor("tag", "", 1), "alice");

        await().atMost(WITHIN_A_SECOND).until(() -> registry.definitions().size() == 1);
        assertThat(sync.failures()).isEmpty();
    }

    @Test
    void stopsFollowingTheStoreWhenClosedAndLeavesTheRegistryAsItWas() {
        store.put(interceptor("tag", "", 1), "alice");
        sync = new InterceptorSync(store, registry).start();

        sync.close();
        store.put(interceptor("late", "", 2), "alice");

        await().during(Duration.ofMillis(300)).atMost(WITHIN_A_SECOND)
                .until(() -> registry.definitions().size() == 1);
    }

    private int priorityOf(String name, Scope scope) {
        return registry.find(name, scope).map(InterceptorDefinition::priority).orElse(-1);
    }

    private static Map<String, Object> headers() {
        return Map.of("headers", Map.of("x", "y"));
    }

    private static Resource interceptor(String name, String scopeLine, int priority) {
        return ResourceDocuments.parseSingle("kind: Interceptor\nmetadata: {name: " + name
                + (scopeLine.isEmpty() ? "" : ", " + scopeLine) + "}\nspec: {plugin: test-tag, priority: " + priority
                + ", config: {headers: {x: y}}}", null);
    }
}
