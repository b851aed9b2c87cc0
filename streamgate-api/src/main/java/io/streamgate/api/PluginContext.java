package io.streamgate.api;

import java.nio.file.Path;
import java.util.Map;

/** What the gateway offers a plugin when it creates an interceptor. */
public interface PluginContext {

    /**
     * Kafka client properties (bootstrap servers and security) for connecting to the upstream cluster the
     * way the gateway does, e.g. to produce audit events. A fresh, mutable copy.
     */
    Map<String, Object> upstreamClientProperties();

    /** The host name this gateway advertises to clients. */
    String gatewayHost();

    /** A directory the plugin may write to, private to this gateway instance. */
    Path dataDirectory();
}
