package io.streamgate.bench.report;

import io.streamgate.bench.harness.TargetRole;
import io.streamgate.bench.workload.ResultEntry;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The figures of one {@link ResultEntry} over all rounds, per target, and what follows from them: medians, ratios
 * gateway/direct, the gateway's added latency. "Gateway" is the chain gateway in the interceptor-chain entries, the
 * virtual-cluster gateway in the virtual-cluster entries and the safeguards gateway in the safeguards entries, whose
 * plain gateway figures are reported as {@code passthrough}.
 *
 * @param runs each target's figures, one map per round, in round order
 * @param failure why the workload stopped early, if it did
 */
public record WorkloadResult(ResultEntry entry, Map<TargetRole, List<Map<String, Double>>> runs,
                             Optional<String> failure) {

    public WorkloadResult {
        Map<TargetRole, List<Map<String, Double>>> copy = new EnumMap<>(TargetRole.class);
        runs.forEach((role, list) -> copy.put(role, List.copyOf(list)));
        runs = copy;
    }

    /**
     * The target compared with direct Kafka: the chain, virtual-cluster or safeguards gateway if the entry ran on one,
     * else the plain gateway.
     */
    public TargetRole compared() {
        for (TargetRole role : List.of(TargetRole.CHAIN, TargetRole.VIRTUAL_CLUSTER, TargetRole.SAFEGUARDS)) {
            if (runs.containsKey(role)) {
                return role;
            }
        }
        return TargetRole.GATEWAY;
    }

    /** Whether the plain gateway ran besides the compared one: the chain, virtual-cluster and safeguards entries. */
    public boolean hasPassthrough() {
        return compared() != TargetRole.GATEWAY && rounds(TargetRole.GATEWAY) > 0;
    }

    /** Rounds completed on a target. */
    public int rounds(TargetRole role) {
        return runs.getOrDefault(role, List.of()).size();
    }

    /** Each figure of a target, summarized over the rounds, in the order the workload reported them. */
    public Map<String, FigureSummary> figures(TargetRole role) {
        Map<String, FigureSummary> figures = new LinkedHashMap<>();
        for (String figure : figureNames(role)) {
            List<Double> values = values(role, figure);
            if (!values.isEmpty()) {
                figures.put(figure, FigureSummary.of(values));
            }
        }
        return figures;
    }

    /** The entry's ratios, {@code numerator / denominator} of each ratio's figure, by ratio name. */
    public Map<String, FigureSummary> ratios(TargetRole numerator, TargetRole denominator) {
        Map<String, FigureSummary> ratios = new LinkedHashMap<>();
        entry.ratios().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(ratio -> {
            List<Double> top = values(numerator, ratio.getValue());
            List<Double> bottom = values(denominator, ratio.getValue());
            if (!top.isEmpty() && !bottom.isEmpty()) {
                ratios.put(ratio.getKey(), FigureSummary.ratio(top, bottom));
            }
        });
        return ratios;
    }

    /** The entry's added figures, compared minus direct, by figure name. */
    public Map<String, FigureSummary> added() {
        Map<String, FigureSummary> added = new LinkedHashMap<>();
        for (String figure : entry.added()) {
            List<Double> top = values(compared(), figure);
            List<Double> bottom = values(TargetRole.DIRECT, figure);
            if (!top.isEmpty() && !bottom.isEmpty()) {
                added.put(figure, FigureSummary.difference(top, bottom));
            }
        }
        return added;
    }

    /** The per-round values of one figure on one target; empty if it was not measured. */
    public List<Double> values(TargetRole role, String figure) {
        List<Double> values = new ArrayList<>();
        for (Map<String, Double> round : runs.getOrDefault(role, List.of())) {
            Double value = round.get(figure);
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    private Set<String> figureNames(TargetRole role) {
        Set<String> names = new LinkedHashSet<>();
        runs.getOrDefault(role, List.of()).forEach(round -> names.addAll(round.keySet()));
        return names;
    }
}
