package io.streamgate.bench.report;

import java.util.Locale;

/** How figures read in the Markdown report: about three significant digits, thousands separated. */
final class Numbers {

    private Numbers() {
    }

    static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "–";
        }
        double magnitude = Math.abs(value);
        String pattern = magnitude >= 1000 ? "%,.0f" : magnitude >= 100 ? "%.0f" : magnitude >= 10 ? "%.1f"
                : magnitude >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, pattern, value);
    }

    /** {@code median (min–max)}, or just the median for a single round. */
    static String summary(FigureSummary summary) {
        if (summary.rounds().size() < 2) {
            return format(summary.median());
        }
        return format(summary.median()) + " (" + format(summary.min()) + "–" + format(summary.max()) + ")";
    }
}
