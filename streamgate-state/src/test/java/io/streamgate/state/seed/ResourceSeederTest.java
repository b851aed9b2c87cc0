package io.streamgate.state.seed;

import io.streamgate.state.InvalidResourceException;
import io.streamgate.state.Resource;
import io.streamgate.state.ResourceId;
import io.streamgate.state.ResourceChange;
import io.streamgate.state.ResourceValidator;
import io.streamgate.state.file.FileResourceStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.streamgate.state.ResourceFixtures.interceptor;
import static io.streamgate.state.ResourceFixtures.interceptorId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class ResourceSeederTest {

    /** Refuses a negative priority, as a plugin's schema would. */
    private static final ResourceValidator PRIORITY_AT_LEAST_ZERO = resource -> {
        if (resource.spec().path("priority").asInt(0) < 0) {
            throw new InvalidResourceException("spec.priority", "must be at least 0");
        }
    };

    @TempDir
    Path dataDir;

    @TempDir
    Path seedDir;

    private FileResourceStore store;
    private ResourceSeeder seeder;

    @BeforeEach
    void openStore() {
        store = new FileResourceStore(dataDir);
        seeder = new ResourceSeeder(store, PRIORITY_AT_LEAST_ZERO);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void appliesEveryYamlYmlAndJsonFileInFileNameOrder() throws Exception {
        write("b.yaml", interceptorYaml("from-b", 2) + "---\n" + interceptorYaml("from-b-2", 3));
        write("a.json", "[" + interceptorJson("from-a", 1) + "]");
        write("c.yml", interceptorYaml("from-c", 4));
        write("notes.txt", "not a resource");
        write(".hidden.yaml", "not: [even: valid");
        Files.createDirectories(seedDir.resolve("nested"));
        write("nested/d.yaml", interceptorYaml("nested", 5));
        List<String> order = new CopyOnWriteArrayList<>();
        store.subscribe(change -> order.add(change.id().name()));

        SeedSummary summary = seeder.seed(seedDir);

        assertThat(summary).isEqualTo(new SeedSummary(4, 0, 0));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(order).containsExactly("from-a", "from-b", "from-b-2", "from-c"));
        assertThat(store.get(interceptorId("from-b-2")).orElseThrow().metadata().updatedBy()).isEqualTo("seed:b.yaml");
        assertThat(store.get(interceptorId("from-a")).orElseThrow().metadata().updatedBy()).isEqualTo("seed:a.json");
    }

    @Test
    void countsWhatItCreatedUpdatedAndFoundUnchanged() throws Exception {
        write("interceptors.yaml", interceptorYaml("a", 1) + "---\n" + interceptorYaml("b", 2) + "---\n"
                + interceptorYaml("c", 3));
        assertThat(seeder.seed(seedDir)).isEqualTo(new SeedSummary(3, 0, 0));

        write("interceptors.yaml", interceptorYaml("a", 1) + "---\n" + interceptorYaml("b", 20) + "---\n"
                + interceptorYaml("c", 3));
        SeedSummary again = seeder.seed(seedDir);

        assertThat(again).isEqualTo(new SeedSummary(0, 1, 2));
        assertThat(again.total()).isEqualTo(3);
        assertThat(store.get(interceptorId("b")).orElseThrow().metadata().revision()).isEqualTo(2);
    }

    @Test
    void leavesResourcesThatAreNotInTheFilesAlone() throws Exception {
        store.put(interceptor("made-by-api", 1), "alice");
        write("a.yaml", interceptorYaml("seeded", 1));

        seeder.seed(seedDir);

        assertThat(store.snapshot()).hasSize(2);
    }

    @Test
    void writesNothingWhenADocumentIsRefusedByTheValidator() throws Exception {
        write("a.yaml", interceptorYaml("good", 1));
        write("b.yaml", interceptorYaml("also-good", 1) + "---\n" + interceptorYaml("negative", -5));
        List<ResourceChange> changes = new CopyOnWriteArrayList<>();
        store.subscribe(changes::add);

        assertThatThrownBy(() -> seeder.seed(seedDir))
                .isInstanceOf(InvalidResourceException.class)
                .hasMessage("b.yaml, document 2: spec.priority: must be at least 0");

        assertThat(store.snapshot()).isEmpty();
        assertThat(changes).isEmpty();
        assertThat(store.file()).doesNotExist();
    }

    @Test
    void writesNothingWhenADocumentIsMalformed() throws Exception {
        write("a.yaml", interceptorYaml("good", 1));
        write("b.yaml", "kind: Interceptor\nmetadata: {name: x, scope: {group: g, username: u}}\nspec: {}\n");

        assertThatThrownBy(() -> seeder.seed(seedDir))
                .isInstanceOf(InvalidResourceException.class)
                .hasMessage("b.yaml, document 1: metadata.scope: a scope names a group or a username, not both");
        assertThat(store.snapshot()).isEmpty();
    }

    @Test
    void refusesTheSameResourceInTwoPlaces() throws Exception {
        write("a.yaml", interceptorYaml("twice", 1));
        write("b.yaml", interceptorYaml("other", 1) + "---\n" + interceptorYaml("twice", 2));

        assertThatThrownBy(() -> seeder.seed(seedDir))
                .isInstanceOf(InvalidResourceException.class)
                .hasMessage("b.yaml, document 2: Interceptor twice (global) is already defined in a.yaml, document 1");
        assertThat(store.snapshot()).isEmpty();
    }

    @Test
    void validatesEachDocumentAmongTheStoresResourcesAndEveryDocumentOfTheSeedWhateverTheirOrder() throws Exception {
        store.put(interceptor("stored", 1), "test");
        ResourceValidator afterMustExist = new ResourceValidator() {
            @Override
            public void validate(Resource resource) {
            }

            @Override
            public void validate(Resource resource, Map<ResourceId, Resource> planned) {
                String after = resource.spec().path("after").asText(null);
                if (after != null && !planned.containsKey(interceptorId(after))) {
                    throw new InvalidResourceException("spec.after", "no interceptor named " + after);
                }
            }
        };
        write("a.yaml", interceptorYaml("first", 1) + "  after: later\n");
        write("b.yaml", interceptorYaml("later", 2) + "  after: stored\n");

        assertThat(new ResourceSeeder(store, afterMustExist).seed(seedDir)).isEqualTo(new SeedSummary(2, 0, 0));

        write("c.yaml", interceptorYaml("dangling", 3) + "  after: ghost\n");
        assertThatThrownBy(() -> new ResourceSeeder(store, afterMustExist).seed(seedDir))
                .hasMessage("c.yaml, document 1: spec.after: no interceptor named ghost");
        assertThat(store.get(interceptorId("dangling"))).isEmpty();
    }

    @Test
    void seedsNothingFromAnEmptyDirectory() {
        assertThat(seeder.seed(seedDir)).isEqualTo(new SeedSummary(0, 0, 0));
    }

    @Test
    void refusesAMissingDirectory() {
        assertThatThrownBy(() -> seeder.seed(seedDir.resolve("missing")))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("the seed directory " + seedDir.resolve("missing") + " does not exist");
    }

    private void write(String name, String content) throws Exception {
        Files.writeString(seedDir.resolve(name), content);
    }

    private static String interceptorYaml(String name, int priority) {
        return """
                kind: Interceptor
                metadata:
                  name: %s
                spec:
                  plugin: inject-headers
                  priority: %d
                """.formatted(name, priority);
    }

    private static String interceptorJson(String name, int priority) {
        return """
                {"kind": "Interceptor", "metadata": {"name": "%s"}, "spec": {"plugin": "inject-headers", "priority": %d}}
                """.formatted(name, priority);
    }
}
