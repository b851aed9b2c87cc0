package io.streamgate.admin.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import io.streamgate.core.auth.GatewayTokens;
import io.streamgate.core.chain.InterceptorRegistry;
import io.streamgate.core.chain.PluginCatalog;
import io.streamgate.state.file.FileResourceStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A real admin server with the management API over a real file store in a temporary directory and a real
 * registry with {@link TagPlugin}, kept in step by a real {@link InterceptorSync}. Credentials: tokens
 * {@value #ADMIN_TOKEN} (admin, named {@code ci}) and {@value #VIEWER_TOKEN} (viewer, named {@code dashboard}),
 * basic users {@code alice}/{@value #ALICE_PASSWORD} (admin) and {@code victor}/{@value #VICTOR_PASSWORD} (viewer).
 */
public final class AdminFixture implements AutoCloseable {

    public static final String ADMIN_TOKEN = "admin-secret-token";
    public static final String VIEWER_TOKEN = "viewer-secret-token";
    public static final String ALICE_PASSWORD = "alice-password";
    public static final String VICTOR_PASSWORD = "victor-password";
    /** The longest lifetime of a token minted through this API. */
    public static final Duration MAX_TOKEN_LIFETIME = Duration.ofDays(30);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dataDir;
    private final FileResourceStore store;
    private final InterceptorRegistry registry;
    private final InterceptorSync sync;
    private final AuditLog audit;
    private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AdminServer server;
    private final GatewayTokens tokens = new GatewayTokens(GatewayTokens.generateKey());
    private final StoreIdentityDirectory directory;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public AdminFixture(Path dataDir) {
        this(dataDir, Map.of());
    }

    /** @param environment what {@code ${VAR}} references in interceptor configurations see */
    public AdminFixture(Path dataDir, Map<String, String> environment) {
        this.dataDir = dataDir;
        this.store = new FileResourceStore(dataDir);
        this.registry = new InterceptorRegistry(PluginCatalog.of(new TagPlugin()), new TestPluginContext(dataDir),
                environment, Duration.ZERO);
        this.sync = new InterceptorSync(store, registry).start();
        this.audit = new AuditLog(dataDir.resolve("admin-audit.log"));
        AdminAuthenticator authenticator = new AdminAuthenticator(
                List.of(new AdminToken("ci", ADMIN_TOKEN, AdminRole.ADMIN),
                        new AdminToken("dashboard", VIEWER_TOKEN, AdminRole.VIEWER)),
                List.of(new AdminUser("alice", ALICE_PASSWORD, AdminRole.ADMIN),
                        new AdminUser("victor", VICTOR_PASSWORD, AdminRole.VIEWER)));
        this.server = new AdminServer("127.0.0.1", 0, Readiness::ready, metrics).start();
        this.directory = new StoreIdentityDirectory(store, tokens).start();
        server.serveApi(new AdminApi(store, registry, new TokenIssuer(tokens, MAX_TOKEN_LIFETIME), authenticator,
                audit));
    }

    public FileResourceStore store() {
        return store;
    }

    public InterceptorRegistry registry() {
        return registry;
    }

    public InterceptorSync sync() {
        return sync;
    }

    /** The gateway tokens the API mints, with their key. */
    public GatewayTokens tokens() {
        return tokens;
    }

    /** The identity directory of this instance, following the store. */
    public StoreIdentityDirectory directory() {
        return directory;
    }

    public AdminServer server() {
        return server;
    }

    public Path dataDir() {
        return dataDir;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The audit log's lines, parsed. */
    public List<JsonNode> auditLines() {
        Path file = audit.file();
        try {
            if (!Files.exists(file)) {
                return List.of();
            }
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(AdminFixture::parse).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request builder for {@code path} with the admin token. */
    public HttpRequest.Builder asAdmin(String path) {
        return request(path).header("Authorization", "Bearer " + ADMIN_TOKEN);
    }

    /** A request builder for {@code path} with the viewer token. */
    public HttpRequest.Builder asViewer(String path) {
        return request(path).header("Authorization", "Bearer " + VIEWER_TOKEN);
    }

    /** A request builder for {@code path} with basic credentials. */
    public HttpRequest.Builder asUser(String path, String user, String password) {
        return request(path).header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** A request builder for {@code path} without credentials. */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(10));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** PUT of a resource document as the admin. */
    public HttpResponse<String> put(String document, String contentType) {
        return send(asAdmin("/api/v1/interceptors").header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofString(document)));
    }

    public HttpResponse<String> putJson(String document) {
        return put(document, "application/json");
    }

    /** A JSON request to {@code path} with {@code method}, as the admin. */
    public HttpResponse<String> sendJson(String method, String path, String json) {
        return send(asAdmin(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    /** The audit log's text, as written. */
    public String auditText() {
        try {
            return Files.exists(audit.file()) ? Files.readString(audit.file(), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
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
}
