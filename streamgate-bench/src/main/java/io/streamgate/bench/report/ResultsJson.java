package io.streamgate.bench.report;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.streamgate.bench.harness.TargetRole;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code results.json}: a list with one entry per {@link WorkloadResult},
 * <pre>{@code {"workload": NAME, "description": ..., "rounds": N,
 *  "direct":  {"mbPerSec": {"median": m, "min": a, "max": b, "rounds": [...]}, ...},
 *  "gateway": {...},
 *  "ratio":   {"throughput": {...}}                 gateway/direct; latency entries: p50, p99, p99_9
 *  "addedMs": {"p50": {...}, ...}                   latency entries: gateway minus direct
 *  "passthrough": {...}, "ratioToPassthrough": {...} interceptor-chain, virtual-cluster, safeguards
 *  "error": "..."}                                  only if the workload stopped early}</pre>
 * Values are rounded to six significant digits.
 */
public final class ResultsJson {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();
    private static final MathContext SIGNIFICANT = new MathContext(6);

    private ResultsJson() {
    }

    public static void write(Path file, List<WorkloadResult> results) throws IOException {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (WorkloadResult result : results) {
            entries.add(entry(result));
        }
        JSON.writeValue(file.toFile(), entries);
    }

    /** Writes any JSON-shaped value (maps, lists, strings, numbers), for the run description. */
    public static void writeValue(Path file, Object value) throws IOException {
        JSON.writeValue(file.toFile(), value);
    }

    static Map<String, Object> entry(WorkloadResult result) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("workload", result.entry().name());
        entry.put("description", result.entry().description());
        entry.put("rounds", result.rounds(TargetRole.DIRECT));
        entry.put("direct", summaries(result.figures(TargetRole.DIRECT)));
        entry.put("gateway", summaries(result.figures(result.compared())));
        entry.put("ratio", summaries(result.ratios(result.compared(), TargetRole.DIRECT)));
        if (!result.entry().added().isEmpty()) {
            Map<String, FigureSummary> added = new LinkedHashMap<>();
            result.added().forEach((figure, summary) -> added.put(figure.replaceFirst("Ms$", ""), summary));
            entry.put("addedMs", summaries(added));
        }
        if (result.hasPassthrough()) {
            entry.put("passthrough", summaries(result.figures(TargetRole.GATEWAY)));
            entry.put("ratioToPassthrough", summaries(result.ratios(result.compared(), TargetRole.GATEWAY)));
        }
        result.failure().ifPresent(failure -> entry.put("error", failure));
        return entry;
    }

    private static Map<String, Object> summaries(Map<String, FigureSummary> figures) {
        Map<String, Object> json = new LinkedHashMap<>();
        figures.forEach((name, summary) -> {
            Map<String, Object> figure = new LinkedHashMap<>();
            figure.put("median", round(summary.median()));
            figure.put("min", round(summary.min()));
            figure.put("max", round(summary.max()));
            figure.put("rounds", summary.rounds().stream().map(ResultsJson::round).toList());
            json.put(name, figure);
        });
        return json;
    }

    private static Object round(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return null;
        }
        return new BigDecimal(value).round(SIGNIFICANT).stripTrailingZeros();
    }
}
