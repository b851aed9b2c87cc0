package io.streamgate.state.file;

import io.streamgate.api.Scope;
import io.streamgate.state.Resource;
import io.streamgate.state.ResourceId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.streamgate.state.ResourceFixtures.interceptor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reports how long a file store with 1,000 resources takes to open, read and write. It prints the numbers and
 * checks only that the answers are right: speed is for benchmarks to judge, not for tests to assert.
 */
class ReadLatencyReportTest {

    private static final int RESOURCES = 1_000;

    @Test
    void reportsOpenGetListAndPutTimesWithAThousandResources(@TempDir Path dataDir) throws Exception {
        Map<ResourceId, Resource> resources = new HashMap<>();
        for (int i = 0; i < RESOURCES; i++) {
            Scope scope = i % 3 == 0 ? Scope.GLOBAL : i % 3 == 1 ? Scope.username("user" + i) : Scope.virtualCluster("vc" + i);
            Resource resource = interceptor("interceptor-" + i, scope, i);
            resources.put(resource.id(), resource.withMetadata(resource.metadata().stored(1, null, "report")));
        }
        // Written as the store writes it, rather than through 1,000 fsync'd puts.
        Files.createDirectories(dataDir.resolve("resources"));
        Files.write(dataDir.resolve("resources").resolve("resources.json"), StoreFileFormat.encode(resources));
        List<ResourceId> ids = List.copyOf(resources.keySet());

        long openStart = System.nanoTime();
        try (FileResourceStore store = new FileResourceStore(dataDir)) {
            long openNanos = System.nanoTime() - openStart;

            int rounds = 20;
            long getNanos = 0;
            long worstGet = 0;
            long listNanos = 0;
            long worstList = 0;
            for (int round = 0; round < rounds; round++) {
                for (ResourceId id : ids) {
                    long start = System.nanoTime();
                    Resource resource = store.get(id).orElseThrow();
                    long took = System.nanoTime() - start;
                    getNanos += took;
                    worstGet = Math.max(worstGet, took);
                    assertThat(resource.id()).isEqualTo(id);
                }
                long start = System.nanoTime();
                List<Resource> all = store.list("Interceptor");
                long took = System.nanoTime() - start;
                listNanos += took;
                worstList = Math.max(worstList, took);
                assertThat(all).hasSize(RESOURCES);
            }

            int puts = 20;
            long putStart = System.nanoTime();
            for (int i = 0; i < puts; i++) {
                store.put(interceptor("interceptor-" + i, i % 3 == 0 ? Scope.GLOBAL : i % 3 == 1
                        ? Scope.username("user" + i) : Scope.virtualCluster("vc" + i), 10_000 + i), "report");
            }
            long putNanos = System.nanoTime() - putStart;

            System.out.printf("ReadLatencyReport, %d resources: open %.1f ms; get mean %.2f us, worst %.3f ms; "
                            + "list(kind) mean %.1f us, worst %.3f ms; put (rewrites and fsyncs the file) mean %.1f ms%n",
                    RESOURCES, openNanos / 1e6, getNanos / 1e3 / (rounds * (double) RESOURCES), worstGet / 1e6,
                    listNanos / 1e3 / rounds, worstList / 1e6, putNanos / 1e6 / puts);
            assertThat(store.snapshot()).hasSize(RESOURCES);
        }
    }
}
