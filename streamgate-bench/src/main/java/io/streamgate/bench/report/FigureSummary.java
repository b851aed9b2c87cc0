package io.streamgate.bench.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A figure over the rounds: median, min and max, and each round's value in round order. For a ratio, the median is
 * the ratio of the two medians and min and max are those of the per-round ratios.
 */
public record FigureSummary(double median, double min, double max, List<Double> rounds) {

    public FigureSummary {
        rounds = List.copyOf(rounds);
    }

    /** The summary of these per-round values. */
    public static FigureSummary of(List<Double> values) {
        return new FigureSummary(median(values), Collections.min(values), Collections.max(values), values);
    }

    /**
     * The summary of {@code numerator / denominator}: median of ratio = median / median; range and rounds from the
     * rounds paired up in order.
     */
    public static FigureSummary ratio(List<Double> numerator, List<Double> denominator) {
        List<Double> perRound = new ArrayList<>();
        for (int i = 0; i < Math.min(numerator.size(), denominator.size()); i++) {
            perRound.add(numerator.get(i) / denominator.get(i));
        }
        return new FigureSummary(median(numerator) / median(denominator), Collections.min(perRound),
                Collections.max(perRound), perRound);
    }

    /** The summary of {@code minuend - subtrahend}, built like {@link #ratio}. */
    public static FigureSummary difference(List<Double> minuend, List<Double> subtrahend) {
        List<Double> perRound = new ArrayList<>();
        for (int i = 0; i < Math.min(minuend.size(), subtrahend.size()); i++) {
            perRound.add(minuend.get(i) - subtrahend.get(i));
        }
        return new FigureSummary(median(minuend) - median(subtrahend), Collections.min(perRound),
                Collections.max(perRound), perRound);
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
