package io.streamgate.app.resources;

import io.streamgate.admin.resources.ManagedKinds;
import io.streamgate.core.Gateway;
import io.streamgate.core.GatewayConfig;
import io.streamgate.core.chain.InterceptorRegistry;
import io.streamgate.core.chain.PluginCatalog;
import io.streamgate.core.upstream.UpstreamClientConfig;
import io.streamgate.state.ResourceStore;
import io.streamgate.state.seed.ResourceSeeder;
import io.streamgate.state.seed.SeedSummary;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Applies the resource files of {@code resourcesDir} to the store at startup, before the gateway serves, GitOps
 * style: every document (an interceptor, a service account, a group, a virtual cluster, an alias topic, an ACL
 * binding) is validated as the admin API validates it (for interceptors: plugin, configuration, and the plugin's own
 * checks), among the store's resources and the other documents (so a virtual cluster and its alias topics may come
 * in the same files, in any order), and one invalid document fails the start, naming its file and document, before
 * anything is written.
 *
 * <p>The gateway does not run yet, so the documents are checked by a registry of their own with the same plugins
 * (class path and plugins directory), environment and plugin context the gateway will have; it installs nothing
 * and is closed once the seed is done.
 */
public final class ResourceDirectorySeed {

    private ResourceDirectorySeed() {
    }

    /**
     * @throws io.streamgate.state.InvalidResourceException naming the file, document and field of the first
     *     invalid document; nothing is written then
     * @throws java.io.UncheckedIOException when the directory or a file cannot be read
     */
    public static SeedSummary seed(Path directory, ResourceStore store, GatewayConfig gatewayConfig,
                                   Map<String, String> environment) {
        StartupPluginContext context = new StartupPluginContext(
                UpstreamClientConfig.of(gatewayConfig.upstream()).clientProperties(),
                gatewayConfig.listener().advertisedHost(), gatewayConfig.plugins().dataDirectory());
        PluginCatalog catalog = PluginCatalog.discover(Gateway.class.getClassLoader(),
                gatewayConfig.plugins().directory());
        try (InterceptorRegistry validation = new InterceptorRegistry(catalog, context, environment, Duration.ZERO)) {
            return new ResourceSeeder(store, new ManagedKinds(validation)).seed(directory);
        }
    }
}
