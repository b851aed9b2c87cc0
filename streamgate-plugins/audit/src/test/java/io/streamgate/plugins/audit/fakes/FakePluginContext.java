package io.streamgate.plugins.audit.fakes;

import io.streamgate.api.PluginContext;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** A plugin context for a gateway advertised as {@code gateway.test}, writing under {@code dataDirectory}. */
public final class FakePluginContext implements PluginContext {

    private final Path dataDirectory;
    private final Map<String, Object> upstream;

    public FakePluginContext(Path dataDirectory, Map<String, Object> upstream) {
        this.dataDirectory = dataDirectory;
        this.upstream = upstream;
    }

    public FakePluginContext(Path dataDirectory) {
        this(dataDirectory, Map.of("bootstrap.servers", "localhost:1"));
    }

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
