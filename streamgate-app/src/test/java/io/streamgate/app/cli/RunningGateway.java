package io.streamgate.app.cli;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.streamgate.admin.AdminServer;
import io.streamgate.admin.Readiness;
import io.streamgate.admin.api.AdminApi;
import io.streamgate.admin.audit.AuditLog;
import io.streamgate.admin.identity.StoreIdentityDirectory;
import io.streamgate.admin.identity.TokenIssuer;
import io.streamgate.admin.interceptors.InterceptorSync;
import io.streamgate.admin.security.AdminAuthenticator;
import io.streamgate.admin.security.AdminRole;
import io.streamgate.admin.security.AdminToken;
import io.streamgate.admin.security.AdminUser;
import io.streamgate.admin.security.LocalAdminToken;
import io.streamgate.api.Interceptor;
import io.streamgate.api.InterceptorPlugin;
import io.streamgate.api.InvalidConfigException;
import io.streamgate.api.PluginConfig;
import io.streamgate.api.PluginContext;
import io.streamgate.core.auth.GatewayTokens;
import io.streamgate.core.chain.InterceptorRegistry;
import io.streamgate.core.chain.PluginCatalog;
import io.streamgate.state.file.FileResourceStore;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The admin side of a running gateway for the command-line tests: a real admin server with the management API over a
 * real file store and a real registry with one plugin ({@code test-tag}), kept in step by the real sync. Its
 * credentials are the token it keeps in its data directory (as a gateway without configured credentials does), plus
 * a viewer token {@value #VIEWER_TOKEN} and a basic user {@code alice}/{@value #ALICE_PASSWORD} (admin).
 */
final class RunningGateway implements AutoCloseable {

    static final String VIEWER_TOKEN = "viewer-token";
    static final String ALICE_PASSWORD = "alice-password";

    private final FileResourceStore store;
    private final InterceptorRegistry registry;
    private final InterceptorSync sync;
    private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AdminServer server;
    private final GatewayTokens tokens = new GatewayTokens(GatewayTokens.generateKey());
    private final StoreIdentityDirectory directory;

    RunningGateway(Path dataDir) {
        store = new FileResourceStore(dataDir);
        registry = new InterceptorRegistry(PluginCatalog.of(new TagPlugin()), new Context(dataDir), Map.of(),
                Duration.ZERO);
        sync = new InterceptorSync(store, registry).start();
        List<AdminToken> adminTokens = new ArrayList<>(List.of(LocalAdminToken.loadOrCreate(dataDir).token(),
                new AdminToken("dashboard", VIEWER_TOKEN, AdminRole.VIEWER)));
        AdminAuthenticator authenticator = new AdminAuthenticator(adminTokens,
                List.of(new AdminUser("alice", ALICE_PASSWORD, AdminRole.ADMIN)));
        server = new AdminServer("127.0.0.1", 0, Readiness::ready, metrics).start();
        directory = new StoreIdentityDirectory(store, tokens).start();
        server.serveApi(new AdminApi(store, registry, new TokenIssuer(tokens, Duration.ofDays(30)), authenticator,
                new AuditLog(dataDir.resolve("admin-audit.log"))));
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    FileResourceStore store() {
        return store;
    }

    InterceptorRegistry registry() {
        return registry;
    }

    /** The service accounts and groups of the store, as client authentication sees them. */
    StoreIdentityDirectory directory() {
        return directory;
    }

    @Override
    public void close() {
        server.stop();
        directory.close();
        sync.close();
        registry.close();
        store.close();
        metrics.close();
    }

    /** {@code {headers: {name: value}}}, closed to other fields; refuses a header named {@code forbidden}. */
    static final class TagPlugin implements InterceptorPlugin {
        @Override
        public String id() {
            return "test-tag";
        }

        @Override
        public String title() {
            return "Tag";
        }

        @Override
        public String description() {
            return "A plugin for the command-line tests.";
        }

        @Override
        public String version() {
            return "9.9";
        }

        @Override
        public String configSchema() {
            return """
                    {"type": "object", "required": ["headers"], "additionalProperties": false,
                     "properties": {"headers": {"type": "object", "additionalProperties": {"type": "string"}}}}""";
        }

        @Override
        public Interceptor create(PluginConfig config, PluginContext context) {
            if (config.stringMap("headers").containsKey("forbidden")) {
                throw new InvalidConfigException("headers.forbidden", "this header name is reserved");
            }
            return hooks -> { };
        }
    }

    private record Context(Path dataDirectory) implements PluginContext {
        @Override
        public Map<String, Object> upstreamClientProperties() {
            return new java.util.HashMap<>(Map.of("bootstrap.servers", "localhost:9092"));
        }

        @Override
        public String gatewayHost() {
            return "localhost";
        }
    }
}
