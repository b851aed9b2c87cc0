package io.streamgate.plugins.headers.fakes;

import io.streamgate.api.PluginContext;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** A plugin context for a gateway advertised as {@code gateway.test}. */
public final class FakePluginContext implements PluginContext {

    @Override
    public Map<String, Object> upstreamClientProperties() {
        return new HashMap<>(Map.of("bootstrap.servers", "localhost:9092"));
    }

    @Override
    public String gatewayHost() {
        return "gateway.test";
    }

    @Override
    public Path dataDirectory() {
        return Path.of("target", "plugin-data");
    }
}
