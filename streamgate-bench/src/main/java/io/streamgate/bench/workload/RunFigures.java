package io.streamgate.bench.workload;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one run of a workload against one target measured: figures by name, for each of the workload's
 * {@link ResultEntry entries}.
 */
public record RunFigures(Map<String, Map<String, Double>> byEntry) {

    public RunFigures {
        Map<String, Map<String, Double>> copy = new LinkedHashMap<>();
        byEntry.forEach((entry, figures) -> copy.put(entry, Collections.unmodifiableMap(new LinkedHashMap<>(figures))));
        byEntry = Collections.unmodifiableMap(copy);
    }

    /** Figures of a single entry. */
    public static RunFigures of(String entry, Map<String, Double> figures) {
        return new RunFigures(Map.of(entry, figures));
    }

    /** Figures of two entries, in this order. */
    public static RunFigures of(String first, Map<String, Double> firstFigures, String second,
                                Map<String, Double> secondFigures) {
        Map<String, Map<String, Double>> byEntry = new LinkedHashMap<>();
        byEntry.put(first, firstFigures);
        byEntry.put(second, secondFigures);
        return new RunFigures(byEntry);
    }
}
