package io.streamgate.bench.report;

/**
 * One passthrough target of the issue and how this run did against it. Targets are reported, never asserted.
 *
 * @param target what must hold, e.g. {@code produce throughput ratio ≥ 0.90}
 * @param measured the figure it was judged on, as text
 */
public record TargetCheck(String target, String measured, Verdict verdict) {

    /** How a run did against a target. */
    public enum Verdict {
        MET("met"), MISSED("missed"), NOT_MEASURED("not measured");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
