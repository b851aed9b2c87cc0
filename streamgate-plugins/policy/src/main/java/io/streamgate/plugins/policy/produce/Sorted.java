package io.streamgate.plugins.policy.produce;

import java.util.Collection;
import java.util.stream.Collectors;

/** Allowed values as messages list them: sorted, comma separated, so that a message is the same every time. */
final class Sorted {

    private Sorted() {
    }

    static String of(Collection<?> values) {
        return values.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }
}
