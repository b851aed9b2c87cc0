package io.streamgate.admin.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.streamgate.admin.audit.AuditLog;
import io.streamgate.admin.interceptors.InterceptorResourceValidator;
import io.streamgate.admin.security.AdminAuthenticator;
import io.streamgate.admin.security.AdminIdentity;
import io.streamgate.core.chain.InterceptorRegistry;
import io.streamgate.state.ResourceStore;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * The management API under {@value #PREFIX}: interceptor resources (list, get, create or update, delete, resolve a
 * chain) and the plugin catalogue. Every route needs an authenticated caller ({@link AdminAuthenticator}); routes
 * that change resources need the {@code admin} role. Changes are validated before they are stored (nothing invalid
 * is ever stored) and recorded in the {@link AuditLog}.
 *
 * <p>Reads come from the resource store, which is what every instance sharing it agrees on; {@code resolve} and the
 * plugin catalogue come from this instance's registry. Thread-safe.
 */
public final class AdminApi {

    /** Every route of the API starts with it. */
    public static final String PREFIX = "/api/v1";

    private static final List<ApiRoute> ROUTES = List.of(
            new ApiRoute(HandlerType.GET, PREFIX + "/plugins", Access.READ,
                    (api, ctx, caller) -> api.plugins.list(ctx)),
            new ApiRoute(HandlerType.GET, PREFIX + "/plugins/{id}", Access.READ,
                    (api, ctx, caller) -> api.plugins.get(ctx)),
            new ApiRoute(HandlerType.GET, PREFIX + "/interceptors", Access.READ,
                    (api, ctx, caller) -> api.queries.list(ctx)),
            new ApiRoute(HandlerType.GET, PREFIX + "/interceptors/{name}", Access.READ,
                    (api, ctx, caller) -> api.queries.get(ctx)),
            new ApiRoute(HandlerType.PUT, PREFIX + "/interceptors", Access.WRITE,
                    (api, ctx, caller) -> api.changes.put(ctx, caller)),
            new ApiRoute(HandlerType.DELETE, PREFIX + "/interceptors/{name}", Access.WRITE,
                    (api, ctx, caller) -> api.changes.delete(ctx, caller)),
            new ApiRoute(HandlerType.POST, PREFIX + "/interceptors/resolve", Access.READ,
                    (api, ctx, caller) -> api.resolution.resolve(ctx)));

    private final AdminAuthenticator authenticator;
    private final PluginEndpoints plugins;
    private final InterceptorQueries queries;
    private final InterceptorChanges changes;
    private final ChainResolution resolution;

    /**
     * @param store where interceptor resources are read and written
     * @param registry this instance's interceptors: validates resources, resolves chains, lists plugins
     * @param authenticator who may call the API
     * @param audit where changes are recorded
     */
    public AdminApi(ResourceStore store, InterceptorRegistry registry, AdminAuthenticator authenticator,
                    AuditLog audit) {
        this(store, registry, authenticator, audit, Clock.systemUTC());
    }

    AdminApi(ResourceStore store, InterceptorRegistry registry, AdminAuthenticator authenticator, AuditLog audit,
             Clock clock) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(registry, "registry");
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        Objects.requireNonNull(audit, "audit");
        this.plugins = new PluginEndpoints(registry.catalog());
        this.queries = new InterceptorQueries(store);
        this.changes = new InterceptorChanges(store, queries, new InterceptorResourceValidator(registry), audit, clock);
        this.resolution = new ChainResolution(registry);
    }

    /** The routes, in the order they are registered. */
    public static List<ApiRoute> routes() {
        return ROUTES;
    }

    /**
     * Serves one request of {@code route}: authenticates the caller (401), checks the role (403), then runs the
     * route's handler.
     *
     * @throws ApiException with the status to answer
     */
    public void serve(ApiRoute route, Context ctx) throws Exception {
        AdminIdentity caller = authenticate(ctx);
        if (route.access() == Access.WRITE && !caller.role().mayWrite()) {
            String message = caller.name() + " has role " + caller.role().configName()
                    + ", which may read but not change resources";
            changes.recordRefusal(ctx, caller, "FORBIDDEN", message);
            throw new ApiException(403, message);
        }
        route.handler().handle(this, ctx, caller);
    }

    private AdminIdentity authenticate(Context ctx) {
        String authorization = ctx.header("Authorization");
        return authenticator.authenticate(authorization).orElseThrow(() -> {
            ctx.header("WWW-Authenticate", authenticator.acceptsBasic()
                    ? "Bearer realm=\"streamgate\", Basic realm=\"streamgate\"" : "Bearer realm=\"streamgate\"");
            return new ApiException(401, authorization == null
                    ? "authentication required: send 'Authorization: Bearer <token>'"
                    + (authenticator.acceptsBasic() ? " or HTTP basic credentials" : "")
                    : "invalid credentials");
        });
    }
}
