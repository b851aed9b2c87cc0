package io.streamgate.plugins.testkit;

import io.streamgate.api.PluginContext;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link io.streamgate.api.InterceptorPlugin#create} receives from a gateway advertised as
 * {@code gateway.test}. By default the upstream cluster is {@code localhost:1}, where nothing listens, so that a
 * plugin that connects upstream fails fast rather than reach a broker that happens to run on the machine.
 */
public final class FakePluginContext implements PluginContext {

    private static final Map<String, Object> NO_BROKER = Map.of("bootstrap.servers", "localhost:1");

    private final Path dataDirectory;
    private final Map<String, Object> upstream;

    /** Upstream client properties {@code upstream}; plugin data under {@code dataDirectory}. */
    public FakePluginContext(Path dataDirectory, Map<String, Object> upstream) {
        this.dataDirectory = dataDirectory;
        this.upstream = new LinkedHashMap<>(upstream);
    }

    /** Plugin data under {@code dataDirectory}, typically a JUnit {@code @TempDir}. */
    public FakePluginContext(Path dataDirectory) {
        this(dataDirectory, NO_BROKER);
    }

    /** For plugins that write no data: the data directory is {@code target/plugin-data}, never created here. */
    public FakePluginContext() {
        this(Path.of("target", "plugin-data"));
    }

    /** A fresh, mutable copy on each call, as the gateway gives. */
    @Override
    public Map<String, Object> upstreamClientProperties() {
        return new HashMap<>(upstream);
    }

    @Override
    public String gatewayHost() {
        return "gateway.test";
    }

    @Override
    public Path dataDirectory() {
        return dataDirectory;
    }
}
