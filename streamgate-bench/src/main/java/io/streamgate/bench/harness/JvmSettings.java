package io.streamgate.bench.harness;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The heap and garbage-collector options that the broker JVMs and the gateway JVM share, so that neither side of a
 * comparison gets more memory or a different collector. {@link io.streamgate.testing.kafka.KafkaCluster} gives each
 * broker {@code -Xms}/{@code -Xmx} of the configured heap, G1 and {@code -XX:+ExitOnOutOfMemoryError}; the gateway
 * gets exactly {@link #options()}. The report prints the options each side actually ran with.
 *
 * @param heap initial and maximum heap, in {@code -Xmx} syntax ({@code 1g}, {@code 512m})
 */
public record JvmSettings(String heap) {

    private static final Pattern HEAP_SIZE = Pattern.compile("\\d+[kKmMgG]?");

    public JvmSettings {
        if (!HEAP_SIZE.matcher(heap).matches()) {
            throw new IllegalArgumentException("heap size must look like 512m or 1g: " + heap);
        }
    }

    /** The options both sides run with. */
    public List<String> options() {
        return List.of("-Xms" + heap, "-Xmx" + heap, "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError");
    }
}
