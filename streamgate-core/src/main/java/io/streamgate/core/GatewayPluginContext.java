package io.streamgate.core;

import io.streamgate.api.PluginContext;
import io.streamgate.core.upstream.UpstreamClientConfig;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** What the gateway tells plugins about itself when it creates their interceptors. */
final class GatewayPluginContext implements PluginContext {

    private final UpstreamClientConfig upstream;
    private final String gatewayHost;
    private final Path dataDirectory;

    GatewayPluginContext(UpstreamClientConfig upstream, String gatewayHost, Path dataDirectory) {
        this.upstream = upstream;
        this.gatewayHost = gatewayHost;
        this.dataDirectory = dataDirectory;
    }

    @Override
    public Map<String, Object> upstreamClientProperties() {
        return new HashMap<>(upstream.clientProperties());
    }

    @Override
    public String gatewayHost() {
        return gatewayHost;
    }

    @Override
    public Path dataDirectory() {
        return dataDirectory;
    }
}
