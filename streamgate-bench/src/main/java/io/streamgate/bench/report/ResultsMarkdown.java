package io.streamgate.bench.report;

import io.streamgate.bench.harness.GatewayLog;
import io.streamgate.bench.harness.TargetRole;
import io.streamgate.bench.workload.Figures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes {@code results.md}: the passthrough targets met or missed, a table per workload entry (direct, gateway,
 * ratio), the gateway logs' errors and leaks, and the environment.
 */
public final class ResultsMarkdown {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry(Figures.RECORDS_PER_SEC, "records/s"),
            Map.entry(Figures.MB_PER_SEC, "MB/s"),
            Map.entry(Figures.P50_MS, "p50 (ms)"),
            Map.entry(Figures.P99_MS, "p99 (ms)"),
            Map.entry(Figures.P99_9_MS, "p99.9 (ms)"),
            Map.entry(Figures.LATENCY_SAMPLES, "latency samples"),
            Map.entry(Figures.IDLE_CONNECTIONS, "idle connections"),
            Map.entry(Figures.GATEWAY_CPU_SECONDS_PER_GB, "gateway CPU s/GB"),
            Map.entry(Figures.GATEWAY_PEAK_RSS_MIB, "gateway peak RSS (MiB)"),
            Map.entry(Figures.BROKER_CPU_SECONDS_PER_GB, "broker CPU s/GB (all brokers)"),
            Map.entry(Figures.BROKER_PEAK_RSS_MIB, "broker peak RSS (MiB, largest broker)"));

    private ResultsMarkdown() {
    }

    public static void write(Path file, RunDescription run, List<WorkloadResult> results, List<GatewayLog> logs,
                             List<TargetCheck> targets, List<GatewayResources> seeds) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Streamgate end-to-end benchmark\n\n");
        md.append(String.format(Locale.ROOT, "%s run started %s, %d round(s), %d broker(s), Kafka %s, Streamgate %s "
                        + "(%s); took %d s.%n%n", capitalize(run.mode()), run.started(), run.rounds(), run.brokers(),
                run.versions().kafka(), run.versions().streamgate(), run.versions().gitCommit(),
                Math.round(run.durationSeconds())));
        md.append("""
                Each workload ran directly against Kafka and through the gateway, alternating (odd rounds direct first, \
                even rounds gateway first) so that a noisy machine's drift hits both; every run used a fresh topic of \
                6 partitions. Figures are **medians over the rounds, with min–max** in parentheses. Ratios are \
                gateway/direct: the ratio of the medians, with the range of the per-round ratios. MB = 10^6 bytes of \
                record data. CPU s/GB = CPU seconds (user + system) the process spent during the measured phase per \
                10^9 bytes of record data produced plus consumed through it. Peak RSS is sampled every 100 ms.

                """);

        md.append("## Passthrough targets (reported, not asserted)\n\n| target | measured | |\n|---|---:|---|\n");
        for (TargetCheck check : targets) {
            String verdict = check.verdict() == TargetCheck.Verdict.MISSED ? "**missed**" : check.verdict().label();
            md.append("| ").append(check.target()).append(" | ").append(check.measured()).append(" | ")
                    .append(verdict).append(" |\n");
        }
        md.append('\n');

        md.append("## Workloads\n\n");
        for (WorkloadResult result : results) {
            workload(md, result);
        }

        md.append("## Gateway logs\n\n| gateway | ERROR lines | LEAK lines | streamgate_buffer_leaks | WARN lines | log |\n")
                .append("|---|---:|---:|---:|---:|---|\n");
        for (GatewayLog log : logs) {
            md.append("| ").append(log.gateway()).append(" | ").append(log.errorLines()).append(" | ")
                    .append(log.leakLines()).append(" | ")
                    .append(log.bufferLeaks().isPresent() ? Long.toString((long) log.bufferLeaks().getAsDouble()) : "unknown")
                    .append(" | ").append(log.warnLines()).append(" | `").append(log.logFile().getFileName())
                    .append("` |\n");
        }
        md.append('\n');
        for (GatewayLog log : logs) {
            if (!log.firstErrors().isEmpty()) {
                md.append("First errors of the ").append(log.gateway()).append(" gateway:\n\n```\n");
                log.firstErrors().forEach(line -> md.append(line).append('\n'));
                md.append("```\n\n");
            }
        }

        environment(md, run, seeds);
        Files.writeString(file, md.toString());
    }

    private static void workload(StringBuilder md, WorkloadResult result) {
        md.append("### ").append(result.entry().name()).append("\n\n").append(result.entry().description()).append(".\n\n");
        result.failure().ifPresent(failure -> md.append("**Stopped early:** ").append(failure).append("\n\n"));
        if (result.rounds(TargetRole.DIRECT) == 0 || result.rounds(result.compared()) == 0) {
            md.append("No complete round.\n\n");
            return;
        }
        boolean passthroughToo = result.hasPassthrough();
        String label = result.compared().label();
        boolean added = !result.entry().added().isEmpty();
        Map<String, FigureSummary> direct = result.figures(TargetRole.DIRECT);
        Map<String, FigureSummary> compared = result.figures(result.compared());
        Map<String, FigureSummary> passthrough = passthroughToo ? result.figures(TargetRole.GATEWAY) : Map.of();
        Map<String, FigureSummary> ratios = result.ratios(result.compared(), TargetRole.DIRECT);
        Map<String, FigureSummary> toPassthrough = passthroughToo
                ? result.ratios(result.compared(), TargetRole.GATEWAY) : Map.of();
        Map<String, FigureSummary> differences = result.added();

        List<String> header = new ArrayList<>(List.of("figure", "direct"));
        if (passthroughToo) {
            header.addAll(List.of("passthrough gateway", label + " gateway", label + "/direct", label + "/passthrough"));
        } else {
            header.addAll(List.of("gateway", "gateway/direct"));
        }
        if (added) {
            header.add("gateway − direct (ms)");
        }
        md.append("| ").append(String.join(" | ", header)).append(" |\n|---|")
                .append("---:|".repeat(header.size() - 1)).append('\n');

        Set<String> figures = new LinkedHashSet<>(direct.keySet());
        figures.addAll(compared.keySet());
        for (String figure : figures) {
            List<String> row = new ArrayList<>();
            row.add(LABELS.getOrDefault(figure, figure));
            row.add(cell(direct.get(figure)));
            if (passthroughToo) {
                row.add(cell(passthrough.get(figure)));
            }
            row.add(cell(compared.get(figure)));
            String ratio = ratioName(result, figure);
            row.add(ratio == null ? "" : cell(ratios.get(ratio)));
            if (passthroughToo) {
                row.add(ratio == null ? "" : cell(toPassthrough.get(ratio)));
            }
            if (added) {
                row.add(cell(differences.get(figure)));
            }
            md.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        md.append('\n');
    }

    private static String ratioName(WorkloadResult result, String figure) {
        return result.entry().ratios().entrySet().stream()
                .filter(ratio -> ratio.getValue().equals(figure))
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    private static String cell(FigureSummary summary) {
        return summary == null ? "" : Numbers.summary(summary);
    }

    private static void environment(StringBuilder md, RunDescription run, List<GatewayResources> seeds) {
        md.append("## Environment\n\n");
        md.append("- Machine: ").append(run.machine().cpus()).append(" CPUs (").append(run.machine().cpuModel())
                .append("), ").append(run.machine().memoryMiB() / 1024).append(" GiB, kernel ")
                .append(run.machine().kernel()).append(", ").append(run.machine().os()).append('\n');
        md.append("- Java: ").append(run.machine().java()).append('\n');
        md.append("- Broker JVM options: `").append(String.join(" ", run.brokerJvmOptions())).append("`\n");
        md.append("- Gateway JVM options: `").append(String.join(" ", run.gatewayJvmOptions())).append("`\n");
        md.append("- Gateway: `io.streamgate.app.Main ").append(String.join(" ", run.gatewayArguments()))
                .append("` (data directory in a temporary directory)\n");
        md.append("- Clients: Java kafka-clients ").append(run.versions().kafka())
                .append(", in the benchmark's own JVM (`").append(String.join(" ", run.benchJvmOptions()))
                .append("`)\n");
        md.append("- Workloads: ").append(String.join(", ", run.workloads())).append("\n\n");
        for (GatewayResources seed : seeds) {
            if (run.workloads().contains(seed.workload())) {
                md.append(seed.heading()).append(":\n\n```yaml\n");
                md.append(String.join("---\n", seed.files().values()));
                md.append("```\n\n");
            }
        }
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
