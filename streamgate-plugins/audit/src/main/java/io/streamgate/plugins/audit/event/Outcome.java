package io.streamgate.plugins.audit.event;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a response said, summarized: {@code ok} when every error code in it is NONE, {@code error} with a
 * count per error otherwise, {@code none} when the request gets no response (Produce with {@code acks=0}).
 *
 * @param name {@code ok}, {@code error}, {@code none}, or {@code pending} before the response is known
 * @param errors error name to number of occurrences (top level, topics, partitions, ...), sorted by name
 */
public record Outcome(String name, Map<String, Integer> errors) {

    public static final Outcome PENDING = new Outcome("pending", Map.of());
    public static final Outcome NONE = new Outcome("none", Map.of());
    public static final Outcome OK = new Outcome("ok", Map.of());

    public Outcome {
        errors = Map.copyOf(errors);
    }

    /** The outcome of a response with these error counts. */
    public static Outcome of(Map<String, Integer> errors) {
        return errors.isEmpty() ? OK : new Outcome("error", new TreeMap<>(errors));
    }
}
