package io.streamgate.admin.testing;

import io.streamgate.api.PluginContext;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** What the test registries tell plugins: an upstream nobody connects to, and a data directory. */
public record TestPluginContext(Path dataDirectory) implements PluginContext {

    @Override
    public Map<String, Object> upstreamClientProperties() {
        return new HashMap<>(Map.of("bootstrap.servers", "localhost:9092"));
    }

    @Override
    public String gatewayHost() {
        return "localhost";
    }
}
