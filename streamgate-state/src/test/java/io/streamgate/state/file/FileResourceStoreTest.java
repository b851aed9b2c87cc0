package io.streamgate.state.file;

import io.streamgate.api.Scope;
import io.streamgate.state.PutResult;
import io.streamgate.state.Resource;
import io.streamgate.state.ResourceChange;
import io.streamgate.state.ResourceId;
import io.streamgate.state.ResourceStoreException;
import io.streamgate.state.Subscription;
import io.streamgate.state.document.ResourceDocuments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.streamgate.state.ResourceFixtures.interceptor;
import static io.streamgate.state.ResourceFixtures.interceptorId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class FileResourceStoreTest {

    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    @TempDir
    Path dataDir;

    private final List<FileResourceStore> opened = new ArrayList<>();

    @AfterEach
    void closeStores() {
        opened.forEach(FileResourceStore::close);
    }

    @Test
    void createsReadsUpdatesListsAndDeletes() {
        FileResourceStore store = open();

        PutResult created = store.put(interceptor("tracing", 100), "alice");
        assertThat(created.outcome()).isEqualTo(PutResult.Outcome.CREATED);
        assertThat(created.resource().metadata().revision()).isEqualTo(1);
        assertThat(created.resource().metadata().updatedBy()).isEqualTo("alice");
        assertThat(created.resource().metadata().updatedAt()).isEqualTo(NOW);
        assertThat(store.get(interceptorId("tracing"))).contains(created.resource());

        PutResult updated = store.put(interceptor("tracing", 200), "bob");
        assertThat(updated.outcome()).isEqualTo(PutResult.Outcome.UPDATED);
        assertThat(updated.resource().metadata().revision()).isEqualTo(2);
        assertThat(updated.resource().metadata().updatedBy()).isEqualTo("bob");
        assertThat(store.get(interceptorId("tracing")).orElseThrow().spec().get("priority").intValue()).isEqualTo(200);

        store.put(interceptor("audit", 10), "alice");
        assertThat(store.list("Interceptor")).extracting(resource -> resource.metadata().name())
                .containsExactly("audit", "tracing");
        assertThat(store.snapshot()).hasSize(2);

        assertThat(store.delete(interceptorId("tracing"), "alice")).isTrue();
        assertThat(store.get(interceptorId("tracing"))).isEmpty();
        assertThat(store.delete(interceptorId("tracing"), "alice")).as("already gone").isFalse();
        assertThat(store.list("Interceptor")).hasSize(1);
    }

    @Test
    void keepsOneNameAtSeveralScopesApart() {
        FileResourceStore store = open();
        store.put(interceptor("tracing", Scope.GLOBAL, 1), "a");
        store.put(interceptor("tracing", Scope.username("alice"), 2), "a");
        store.put(interceptor("tracing", new Scope("payments", null, "alice"), 3), "a");

        assertThat(store.list("Interceptor")).hasSize(3);
        assertThat(store.get(new ResourceId("Interceptor", "tracing", Scope.username("alice"))).orElseThrow()
                .spec().get("priority").intValue()).isEqualTo(2);
    }

    @Test
    void reportsUnchangedWithoutBumpingTheRevisionOrTellingListeners() {
        FileResourceStore store = open();
        store.put(interceptor("tracing", 100), "alice");
        List<ResourceChange> changes = new CopyOnWriteArrayList<>();
        store.subscribe(changes::add);

        PutResult again = store.put(interceptor("tracing", 100), "bob");
        store.put(interceptor("marker", 1), "bob");

        assertThat(again.outcome()).isEqualTo(PutResult.Outcome.UNCHANGED);
        assertThat(again.resource().metadata().revision()).isEqualTo(1);
        assertThat(again.resource().metadata().updatedBy()).isEqualTo("alice");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(changes).hasSize(1));
        assertThat(changes.get(0).id()).isEqualTo(interceptorId("marker"));
    }

    @Test
    void ignoresTheRevisionTimeAndAuthorACallerPasses() {
        FileResourceStore store = open();
        Resource claimed = interceptor("tracing", 100);
        claimed = claimed.withMetadata(claimed.metadata().stored(42, Instant.EPOCH, "mallory"));

        Resource stored = store.put(claimed, "alice").resource();

        assertThat(stored.metadata().revision()).isEqualTo(1);
        assertThat(stored.metadata().updatedAt()).isEqualTo(NOW);
        assertThat(stored.metadata().updatedBy()).isEqualTo("alice");
        assertThat(store.put(stored, "bob").outcome()).as("same content").isEqualTo(PutResult.Outcome.UNCHANGED);
    }

    @Test
    void countsALabelChangeAsAnUpdate() {
        FileResourceStore store = open();
        store.put(interceptor("tracing", Scope.GLOBAL, Map.of("team", "a"), 100), "alice");

        PutResult relabelled = store.put(interceptor("tracing", Scope.GLOBAL, Map.of("team", "b"), 100), "alice");

        assertThat(relabelled.outcome()).isEqualTo(PutResult.Outcome.UPDATED);
        assertThat(relabelled.resource().metadata().revision()).isEqualTo(2);
    }

    @Test
    void restartsTheRevisionOfAResourceDeletedAndCreatedAgain() {
        FileResourceStore store = open();
        store.put(interceptor("tracing", 1), "a");
        store.put(interceptor("tracing", 2), "a");
        store.delete(interceptorId("tracing"), "a");

        assertThat(store.put(interceptor("tracing", 3), "a").resource().metadata().revision()).isEqualTo(1);
    }

    @Test
    void tellsListenersEveryChangeInOrderOnTheStoreThread() {
        FileResourceStore store = open();
        List<ResourceChange> changes = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        Subscription subscription = store.subscribe(change -> {
            changes.add(change);
            threads.add(Thread.currentThread().getName());
        });
        assertThat(subscription.snapshot()).isEmpty();

        Resource first = store.put(interceptor("tracing", 1), "a").resource();
        Resource second = store.put(interceptor("tracing", 2), "a").resource();
        store.delete(interceptorId("tracing"), "a");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(changes).containsExactly(
                new ResourceChange.Upserted(null, first),
                new ResourceChange.Upserted(first, second),
                new ResourceChange.Deleted(second)));
        assertThat(threads).allMatch(name -> name.startsWith("streamgate-resource-listeners-"));
    }

    @Test
    void startsASubscriptionFromTheStateAtTheMomentItSubscribed() {
        FileResourceStore store = open();
        Resource existing = store.put(interceptor("existing", 1), "a").resource();
        List<ResourceChange> changes = new CopyOnWriteArrayList<>();

        Subscription subscription = store.subscribe(changes::add);
        Resource later = store.put(interceptor("later", 1), "a").resource();

        assertThat(subscription.snapshot()).containsOnly(Map.entry(existing.id(), existing));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(changes).containsExactly(new ResourceChange.Upserted(null, later)));
    }

    @Test
    void keepsResourcesAcrossARestart() {
        FileResourceStore store = open();
        Resource tracing = store.put(interceptor("tracing", Scope.username("alice"), Map.of("team", "x"), 1), "a")
                .resource();
        Resource audit = store.put(interceptor("audit", 2), "a").resource();
        store.put(interceptor("gone", 3), "a");
        store.delete(interceptorId("gone"), "a");
        store.close();

        FileResourceStore reopened = open();

        assertThat(reopened.snapshot()).containsOnly(Map.entry(tracing.id(), tracing), Map.entry(audit.id(), audit));
        assertThat(reopened.put(interceptor("audit", 5), "a").resource().metadata().revision()).isEqualTo(2);
    }

    @Test
    void writesAReadableSortedJsonFile() throws Exception {
        FileResourceStore store = open();
        store.put(interceptor("b", 1), "a");
        store.put(interceptor("a", 1), "a");

        assertThat(store.file()).isEqualTo(dataDir.resolve("resources").resolve("resources.json"));
        String content = Files.readString(store.file());
        assertThat(content).startsWith("{\n  \"version\" : 1,\n  \"resources\" : [ {\n    \"kind\" : \"Interceptor\"");
        assertThat(content.indexOf("\"a\"")).isLessThan(content.indexOf("\"b\""));
    }

    @Test
    void leavesTheFileAndTheStoreAsTheyWereWhenAWriteFails() throws Exception {
        FileResourceStore store = open();
        Resource kept = store.put(interceptor("tracing", 1), "a").resource();
        String before = Files.readString(store.file());
        List<ResourceChange> changes = new CopyOnWriteArrayList<>();
        store.subscribe(changes::add);
        // A directory where the temporary file goes makes the write fail before the rename.
        Path temporary = store.file().resolveSibling("resources.json.tmp");
        Files.createDirectories(temporary.resolve("blocker"));

        assertThatThrownBy(() -> store.put(interceptor("tracing", 2), "a"))
                .isInstanceOf(ResourceStoreException.class)
                .hasMessageContaining("cannot write Interceptor tracing (global): writing " + store.file())
                .hasMessageContaining("nothing was changed");
        assertThatThrownBy(() -> store.delete(interceptorId("tracing"), "a"))
                .isInstanceOf(ResourceStoreException.class);

        assertThat(Files.readString(store.file())).isEqualTo(before);
        assertThat(store.get(interceptorId("tracing"))).contains(kept);

        Files.delete(temporary.resolve("blocker"));
        Files.delete(temporary);
        assertThat(store.put(interceptor("tracing", 2), "a").resource().metadata().revision()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(changes).hasSize(1));
    }

    @Test
    void ignoresATemporaryFileLeftByACrashedWrite() throws Exception {
        FileResourceStore store = open();
        Resource kept = store.put(interceptor("tracing", 1), "a").resource();
        store.close();
        Files.writeString(store.file().resolveSibling("resources.json.tmp"), "{\"version\": 1, \"resour");

        FileResourceStore reopened = open();

        assertThat(reopened.snapshot()).containsOnly(Map.entry(kept.id(), kept));
        reopened.put(interceptor("other", 1), "a");
        reopened.close();
        assertThat(open().snapshot()).as("the next write replaced the leftover").hasSize(2);
    }

    @Test
    void refusesToStartFromACorruptFileNamingIt() throws Exception {
        Path file = dataDir.resolve("resources").resolve("resources.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"version\": 1, \"resources\": [ {\"kind\": \"Interceptor\"");

        assertThatThrownBy(() -> new FileResourceStore(dataDir))
                .isInstanceOf(ResourceStoreException.class)
                .hasMessageStartingWith("the resource store file " + file + " is corrupt: not valid JSON")
                .hasMessageContaining("Fix the file, or move it away");
    }

    @Test
    void refusesToStartFromAFileHoldingAnInvalidResourceNamingWhichOne() throws Exception {
        Path file = dataDir.resolve("resources").resolve("resources.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                {"version": 1, "resources": [
                  {"kind": "Interceptor", "metadata": {"name": "ok"}, "spec": {}},
                  {"kind": "Interceptor", "metadata": {"name": "bad name"}, "spec": {}} ]}
                """);

        assertThatThrownBy(() -> new FileResourceStore(dataDir))
                .isInstanceOf(ResourceStoreException.class)
                .hasMessageStartingWith("the resource store file " + file + " is corrupt: resources[1]: metadata.name: "
                        + "'bad name' is not a valid name");
    }

    @Test
    void refusesToStartFromAnEmptyFileOrOneOfAnotherVersion() throws Exception {
        Path file = dataDir.resolve("resources").resolve("resources.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "");
        assertThatThrownBy(() -> new FileResourceStore(dataDir))
                .hasMessage("the resource store file " + file + " is corrupt: expected an object {version, resources}. "
                        + "Fix the file, or move it away to start with no resources; the gateway does not start with "
                        + "it as it is");

        Files.writeString(file, "{\"version\": 2, \"resources\": []}");
        assertThatThrownBy(() -> new FileResourceStore(dataDir))
                .hasMessageContaining("is corrupt: version: expected 1, found 2");
    }

    @Test
    void refusesASecondStoreOnTheSameDirectory() {
        open();

        assertThatThrownBy(() -> new FileResourceStore(dataDir))
                .isInstanceOf(ResourceStoreException.class)
                .hasMessageContaining("is already open in this process");
    }

    @Test
    void refusesWritesOnceClosed() {
        FileResourceStore store = open();
        store.close();

        assertThatThrownBy(() -> store.put(interceptor("tracing", 1), "a"))
                .isInstanceOf(ResourceStoreException.class)
                .hasMessageEndingWith("is closed");
    }

    @Test
    void storesWhatTheCodecReadsBackIdentically() throws Exception {
        FileResourceStore store = open();
        Resource stored = store.put(ResourceDocuments.parseSingle("""
                kind: Interceptor
                metadata:
                  name: add-tracing-headers
                  scope: {virtualCluster: payments, username: alice}
                  labels: {team: platform}
                spec:
                  plugin: inject-headers
                  priority: 100
                  config: {headers: {x-user: "{{user}}"}}
                """, "x.yaml"), "a").resource();
        store.close();

        assertThat(open().get(stored.id())).contains(stored);
    }

    private FileResourceStore open() {
        FileResourceStore store = new FileResourceStore(dataDir, Clock.fixed(NOW, ZoneOffset.UTC));
        opened.add(store);
        return store;
    }
}
