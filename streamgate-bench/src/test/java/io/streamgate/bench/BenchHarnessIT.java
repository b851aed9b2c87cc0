package io.streamgate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamgate.bench.harness.BenchPlan;
import io.streamgate.bench.harness.BenchRun;
import io.streamgate.bench.harness.JvmSettings;
import io.streamgate.bench.workload.WorkloadSizes;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark harness still works: a tiny run (one round, a few thousand records, four workloads, one of them
 * through the chain of built-in interceptors, one inside a virtual cluster, one through the safeguard policies)
 * starts Kafka and the four gateways in their own JVMs and writes its results. It measures nothing: no figure is compared with any other.
 */
class BenchHarnessIT {

    private static final Path OUT = Path.of("target", "bench-harness-it");

    @Test
    void completesATinyRunAndWritesResultsJsonAndMarkdown() throws Exception {
        BenchPlan plan = new BenchPlan("tiny", WorkloadSizes.quick().scaled(0.02), 1, 1, new JvmSettings("512m"), OUT,
                List.of("latency", "interceptor-chain", "virtual-cluster", "safeguards"), List.of());

        BenchRun.Outcome outcome = new BenchRun(plan, System.out).execute();

        assertThat(outcome.complete()).as("every workload completed its round").isTrue();
        JsonNode results = new ObjectMapper().readTree(OUT.resolve("results.json").toFile());
        assertThat(results.isArray()).isTrue();
        List<String> workloads = new ArrayList<>();
        results.forEach(entry -> workloads.add(entry.get("workload").asText()));
        assertThat(workloads).containsExactly("latency", "chain-produce", "chain-consume", "vcluster-produce",
                "vcluster-consume", "safeguards-produce", "safeguards-consume");
        for (JsonNode entry : results) {
            for (String side : List.of("direct", "gateway", "ratio")) {
                assertThat(entry.get(side).size()).as("%s figures of %s", side, workloads).isPositive();
                assertPositiveMedians(entry.get("workload").asText() + "." + side, entry.get(side));
            }
            assertThat(entry.has("error")).isFalse();
        }
        assertThat(results.get(0).get("ratio").has("p99")).isTrue();
        assertThat(results.get(1).get("ratio").has("throughput")).isTrue();
        assertThat(results.get(1).get("gateway").has("gatewayCpuSecondsPerGb")).isTrue();
        assertThat(results.get(1).get("gateway").has("gatewayPeakRssMiB")).isTrue();
        for (JsonNode entry : List.of(results.get(1), results.get(2), results.get(3), results.get(4), results.get(5),
                results.get(6))) {
            assertThat(entry.get("ratioToPassthrough").has("throughput"))
                    .as("%s compares with the passthrough gateway", entry.get("workload").asText()).isTrue();
        }

        String markdown = Files.readString(OUT.resolve("results.md"));
        assertThat(markdown).contains("### latency", "### chain-produce", "### vcluster-consume", "vcluster/passthrough",
                "## Passthrough targets", "## Environment", "-Xmx512m", "kind: VirtualCluster",
                "plugin: client-id-policy", "safeguards/passthrough");
        assertThat(OUT.resolve("run.json")).exists();
        assertThat(OUT.resolve("gateway.log")).exists();
        assertThat(OUT.resolve("chain-gateway.log")).exists();
        assertThat(OUT.resolve("vcluster-gateway.log")).exists();
        assertThat(OUT.resolve("safeguards-gateway.log")).exists();
    }

    private static void assertPositiveMedians(String where, JsonNode figures) {
        for (Map.Entry<String, JsonNode> figure : figures.properties()) {
            JsonNode median = figure.getValue().get("median");
            assertThat(median.isNumber()).as("%s.%s.median is a number", where, figure.getKey()).isTrue();
            assertThat(median.asDouble()).as("%s.%s.median", where, figure.getKey()).isPositive();
        }
    }
}
