package io.streamgate.plugins.headers.mask;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** How much of a value stays readable. */
enum MaskMode {

    /** Every character is masked. */
    ALL("all"),
    /** The first {@code count} characters stay in clear. */
    KEEP_FIRST("keepFirst"),
    /** The last {@code count} characters stay in clear. */
    KEEP_LAST("keepLast");

    private final String configName;

    MaskMode(String configName) {
        this.configName = configName;
    }

    String configName() {
        return configName;
    }

    static Optional<MaskMode> named(String name) {
        return Arrays.stream(values()).filter(mode -> mode.configName.equals(name)).findFirst();
    }

    static List<String> names() {
        return Arrays.stream(values()).map(MaskMode::configName).toList();
    }
}
