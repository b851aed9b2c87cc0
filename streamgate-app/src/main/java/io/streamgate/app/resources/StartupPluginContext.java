package io.streamgate.app.resources;

import io.streamgate.api.PluginContext;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What plugins are told when resources are validated before the gateway starts: the same upstream, host and data
 * directory the gateway will give them.
 */
record StartupPluginContext(Map<String, Object> clientProperties, String gatewayHost, Path dataDirectory)
        implements PluginContext {

    StartupPluginContext {
        clientProperties = Map.copyOf(clientProperties);
    }

    @Override
    public Map<String, Object> upstreamClientProperties() {
        return new HashMap<>(clientProperties);
    }
}
