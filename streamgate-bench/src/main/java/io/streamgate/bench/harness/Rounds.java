package io.streamgate.bench.harness;

import io.streamgate.bench.report.WorkloadResult;
import io.streamgate.bench.workload.BenchTopics;
import io.streamgate.bench.workload.Figures;
import io.streamgate.bench.workload.ResultEntry;
import io.streamgate.bench.workload.RunContext;
import io.streamgate.bench.workload.RunFigures;
import io.streamgate.bench.workload.Workload;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Runs a workload for several rounds against each of its targets, alternating the order: odd rounds start with the
 * direct run, even rounds with the gateway, so that a machine that speeds up or slows down during the benchmark
 * affects both sides alike. A failing run ends the workload; the rounds completed so far are kept.
 */
final class Rounds {

    private Rounds() {
    }

    static List<WorkloadResult> run(Workload workload, int rounds, Testbed testbed, BenchTopics topics,
                                    PrintStream progress, long benchStartNanos) {
        Map<String, Map<TargetRole, List<Map<String, Double>>>> runs = new LinkedHashMap<>();
        workload.entries().forEach(entry -> runs.put(entry.name(), new EnumMap<>(TargetRole.class)));
        Optional<String> failure = Optional.empty();
        rounds:
        for (int round = 1; round <= rounds; round++) {
            List<TargetRole> order = new ArrayList<>(workload.roles());
            if (round % 2 == 0) {
                Collections.reverse(order);
            }
            for (TargetRole role : order) {
                try {
                    RunFigures figures = workload.run(new RunContext(testbed.target(role), round, topics));
                    figures.byEntry().forEach((entry, values) ->
                            runs.get(entry).computeIfAbsent(role, r -> new ArrayList<>()).add(values));
                    progress.printf(Locale.ROOT, "[%s] %-17s round %d/%d  %-8s  %s%n", elapsed(benchStartNanos),
                            workload.name(), round, rounds, role.label(), describe(figures));
                } catch (Exception e) {
                    if (e instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                    }
                    String message = role.label() + " run of round " + round + " failed: " + e;
                    progress.printf("[%s] %-17s %s%n", elapsed(benchStartNanos), workload.name(), message);
                    e.printStackTrace(progress);
                    failure = Optional.of(message);
                    break rounds;
                }
            }
        }
        List<WorkloadResult> results = new ArrayList<>();
        for (ResultEntry entry : workload.entries()) {
            results.add(new WorkloadResult(entry, completeRounds(runs.get(entry.name()), workload.roles()), failure));
        }
        return results;
    }

    /** Only rounds that every target completed, so that per-round ratios pair like with like. */
    private static Map<TargetRole, List<Map<String, Double>>> completeRounds(
            Map<TargetRole, List<Map<String, Double>>> runs, List<TargetRole> roles) {
        int complete = roles.stream().mapToInt(role -> runs.getOrDefault(role, List.of()).size()).min().orElse(0);
        Map<TargetRole, List<Map<String, Double>>> kept = new EnumMap<>(TargetRole.class);
        for (TargetRole role : roles) {
            kept.put(role, runs.getOrDefault(role, List.of()).subList(0, complete));
        }
        return kept;
    }

    /** The headline figures of a run, e.g. {@code produce 35,210 records/s 34.4 MB/s | consume ...}. */
    private static String describe(RunFigures figures) {
        return figures.byEntry().entrySet().stream().map(entry -> {
            Map<String, Double> values = entry.getValue();
            StringBuilder text = new StringBuilder(entry.getKey());
            append(text, values, Figures.RECORDS_PER_SEC, "%,.0f records/s");
            append(text, values, Figures.MB_PER_SEC, "%.1f MB/s");
            append(text, values, Figures.P50_MS, "p50 %.2f ms");
            append(text, values, Figures.P99_MS, "p99 %.2f ms");
            append(text, values, Figures.P99_9_MS, "p99.9 %.2f ms");
            append(text, values, Figures.GATEWAY_PEAK_RSS_MIB, "gateway RSS %.0f MiB");
            return text.toString();
        }).collect(Collectors.joining(" | "));
    }

    private static void append(StringBuilder text, Map<String, Double> values, String figure, String format) {
        Double value = values.get(figure);
        if (value != null) {
            text.append(' ').append(String.format(Locale.ROOT, format, value));
        }
    }

    static String elapsed(long startNanos) {
        long seconds = (System.nanoTime() - startNanos) / 1_000_000_000L;
        return String.format(Locale.ROOT, "%02d:%02d", seconds / 60, seconds % 60);
    }
}
