package io.streamgate.bench.workload;

import java.util.List;
import java.util.Map;

/**
 * One entry of {@code results.json}: a named set of figures that a workload measures on every target, such as
 * {@code produce} or {@code latency}. A workload may report several (the throughput workload reports produce and
 * consume figures of the same run).
 *
 * @param name the entry's {@code workload} name in the results
 * @param description what was measured, for the Markdown report
 * @param ratios ratio name to the figure it divides (gateway by direct), e.g. {@code throughput -> mbPerSec}
 * @param added figures whose difference gateway minus direct is reported too: the gateway's added latency
 */
public record ResultEntry(String name, String description, Map<String, String> ratios, List<String> added) {

    public ResultEntry {
        ratios = Map.copyOf(ratios);
        added = List.copyOf(added);
    }

    /** An entry whose one ratio is {@code throughput}, of the {@code mbPerSec} figure. */
    public static ResultEntry throughput(String name, String description) {
        return new ResultEntry(name, description, Map.of("throughput", Figures.MB_PER_SEC), List.of());
    }

    /** An entry of latency percentiles: ratio and added milliseconds of each. */
    public static ResultEntry latency(String name, String description) {
        return new ResultEntry(name, description,
                Map.of("p50", Figures.P50_MS, "p99", Figures.P99_MS, "p99_9", Figures.P99_9_MS),
                List.of(Figures.P50_MS, Figures.P99_MS, Figures.P99_9_MS));
    }
}
