package io.streamgate.app.config;

import java.time.Duration;

/**
 * Durations as people write them in configuration: a non-negative whole number with a unit ({@code 500ms},
 * {@code 10s}, {@code 2m}, {@code 1h}, {@code 1d}), or ISO-8601 ({@code PT10S}, {@code PT1M30S}); the same forms the
 * admin API and resources take ({@link io.streamgate.admin.time.DurationText}).
 */
public final class DurationText {

    private DurationText() {
    }

    /**
     * @throws IllegalArgumentException if the text is neither form, or negative
     */
    public static Duration parse(String text) {
        Duration duration = io.streamgate.admin.time.DurationText.parse(text)
                .orElseThrow(() -> new IllegalArgumentException("not a duration: " + text));
        if (duration.isNegative()) {
            throw new IllegalArgumentException("negative duration: " + text);
        }
        return duration;
    }

    /** The shortest of the unit forms that is exact: {@code 10s}, {@code 2m}, {@code 1500ms}. */
    public static String format(Duration duration) {
        return io.streamgate.admin.time.DurationText.format(duration);
    }
}
