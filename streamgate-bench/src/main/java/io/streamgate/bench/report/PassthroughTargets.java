package io.streamgate.bench.report;

import io.streamgate.bench.harness.GatewayLog;
import io.streamgate.bench.harness.TargetRole;
import io.streamgate.bench.report.TargetCheck.Verdict;
import io.streamgate.bench.workload.Figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * The passthrough targets of issue 4, judged on a run's medians: produce and consume throughput ratio at least 0.90;
 * added end-to-end latency at the moderate rate at most 0.5 ms at p50 and 2 ms at p99; gateway RSS with 1,000 idle
 * connections at most 400 MiB (judged on the highest peak of any round); no leaked buffer and no error in the
 * gateway logs.
 */
public final class PassthroughTargets {

    private PassthroughTargets() {
    }

    public static List<TargetCheck> check(List<WorkloadResult> results, List<GatewayLog> logs) {
        List<TargetCheck> checks = new ArrayList<>();
        checks.add(atLeast("produce throughput ratio gateway/direct ≥ 0.90", ratio(results, "produce"), 0.90, ""));
        checks.add(atLeast("consume throughput ratio gateway/direct ≥ 0.90", ratio(results, "consume"), 0.90, ""));
        checks.add(atMost("added end-to-end latency p50 ≤ 0.5 ms", added(results, Figures.P50_MS), 0.5, " ms"));
        checks.add(atMost("added end-to-end latency p99 ≤ 2 ms", added(results, Figures.P99_MS), 2.0, " ms"));
        Optional<Double> rss = find(results, "idle-connections")
                .map(r -> r.figures(TargetRole.GATEWAY).get(Figures.GATEWAY_PEAK_RSS_MIB))
                .map(FigureSummary::max);
        checks.add(atMost("gateway RSS with 1,000 idle connections ≤ 400 MiB (highest peak)", rss, 400, " MiB"));
        checks.add(none("zero leaked buffers (gateway log LEAK lines and streamgate_buffer_leaks)", logs,
                log -> log.leakLines() + (long) log.bufferLeaks().orElse(0)));
        checks.add(none("zero errors in the gateway log", logs, log -> (long) log.errorLines()));
        return checks;
    }

    private static Optional<Double> ratio(List<WorkloadResult> results, String entry) {
        return find(results, entry)
                .map(r -> r.ratios(r.compared(), TargetRole.DIRECT).get("throughput"))
                .map(FigureSummary::median);
    }

    private static Optional<Double> added(List<WorkloadResult> results, String figure) {
        return find(results, "latency").map(r -> r.added().get(figure)).map(FigureSummary::median);
    }

    private static Optional<WorkloadResult> find(List<WorkloadResult> results, String entry) {
        return results.stream().filter(r -> r.entry().name().equals(entry)).findFirst();
    }

    private static TargetCheck atLeast(String target, Optional<Double> value, double bound, String unit) {
        return value.map(v -> new TargetCheck(target, Numbers.format(v) + unit, v >= bound ? Verdict.MET : Verdict.MISSED))
                .orElseGet(() -> new TargetCheck(target, "–", Verdict.NOT_MEASURED));
    }

    private static TargetCheck atMost(String target, Optional<Double> value, double bound, String unit) {
        return value.map(v -> new TargetCheck(target, Numbers.format(v) + unit, v <= bound ? Verdict.MET : Verdict.MISSED))
                .orElseGet(() -> new TargetCheck(target, "–", Verdict.NOT_MEASURED));
    }

    private static TargetCheck none(String target, List<GatewayLog> logs,
                                    ToLongFunction<GatewayLog> count) {
        if (logs.isEmpty()) {
            return new TargetCheck(target, "–", Verdict.NOT_MEASURED);
        }
        long total = logs.stream().mapToLong(count).sum();
        return new TargetCheck(target, Long.toString(total), total == 0 ? Verdict.MET : Verdict.MISSED);
    }
}
