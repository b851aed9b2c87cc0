package io.streamgate.admin.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.streamgate.admin.audit.AuditLog;
import io.streamgate.admin.identity.CredentialsSpec;
import io.streamgate.admin.identity.GroupSpec;
import io.streamgate.admin.identity.ServiceAccountSpec;
import io.streamgate.admin.identity.TokenIssuer;
import io.streamgate.admin.interceptors.InterceptorResourceMapper;
import io.streamgate.admin.resources.ManagedKinds;
import io.streamgate.admin.security.AdminAuthenticator;
import io.streamgate.admin.security.AdminIdentity;
import io.streamgate.admin.vcluster.AclBindingSpec;
import io.streamgate.admin.vcluster.AliasTopicSpec;
import io.streamgate.admin.vcluster.VirtualClusterSpec;
import io.streamgate.core.chain.InterceptorRegistry;
import io.streamgate.state.ResourceStore;
import io.streamgate.state.document.ResourceDocuments;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The management API under {@value #PREFIX}: interceptor resources (list, get, create or update, delete, resolve a
 * chain), the plugin catalogue, service accounts and groups (list, get, create or update, delete), the credentials
 * of local service accounts (SCRAM credentials, gateway tokens, revocation), and virtual clusters with their alias
 * topics and ACL bindings ({@link VirtualClusterEndpoints}). Every route needs an authenticated caller
 * ({@link AdminAuthenticator}); routes that change resources or mint credentials need the {@code admin} role. Changes
 * are validated before they are stored (nothing invalid is ever stored) and recorded in the {@link AuditLog}, without
 * secrets.
 *
 * <p>Reads come from the resource store, which is what every instance sharing it agrees on; {@code resolve} and the
 * plugin catalogue come from this instance's registry. Thread-safe.
 */
public final class AdminApi {

    /** Every route of the API starts with it. */
    public static final String PREFIX = "/api/v1";

    private static final String INTERCEPTOR = InterceptorResourceMapper.KIND;
    private static final String ACCOUNT = ServiceAccountSpec.KIND;
    private static final String GROUP = GroupSpec.KIND;
    private static final String CREDENTIALS = CredentialsSpec.KIND;
    private static final String PLUGIN = "Plugin";
    private static final String CLUSTER = VirtualClusterSpec.KIND;
    private static final String ALIAS = AliasTopicSpec.KIND;
    private static final String ACL = AclBindingSpec.KIND;
    private static final String CLUSTERS = PREFIX + "/virtual-clusters";

    private static final List<ApiRoute> ROUTES = List.of(
            new ApiRoute(HandlerType.GET, PREFIX + "/plugins", Access.READ, PLUGIN,
                    (api, ctx, caller) -> api.plugins.list(ctx)),
            new ApiRoute(HandlerType.GET, PREFIX + "/plugins/{id}", Access.READ, PLUGIN,
                    (api, ctx, caller) -> api.plugins.get(ctx)),
            new ApiRoute(HandlerType.GET, PREFIX + "/interceptors", Access.READ, INTERCEPTOR,
                    (api, ctx, caller) -> api.interceptorQueries.list(ctx)),
            new ApiRoute(HandlerType.GET, PREFIX + "/interceptors/{name}", Access.READ, INTERCEPTOR,
                    (api, ctx, caller) -> api.interceptorQueries.get(ctx)),
            new ApiRoute(HandlerType.PUT, PREFIX + "/interceptors", Access.WRITE, INTERCEPTOR,
                    (api, ctx, caller) -> api.interceptorChanges.put(ctx, caller)),
            new ApiRoute(HandlerType.DELETE, PREFIX + "/interceptors/{name}", Access.WRITE, INTERCEPTOR,
                    (api, ctx, caller) -> api.interceptorChanges.delete(ctx, caller)),
            new ApiRoute(HandlerType.POST, PREFIX + "/interceptors/resolve", Access.READ, INTERCEPTOR,
                    (api, ctx, caller) -> api.resolution.resolve(ctx)),
            new ApiRoute(HandlerType.GET, PREFIX + "/service-accounts", Access.READ, ACCOUNT,
                    (api, ctx, caller) -> api.accountQueries.list(ctx)),
            new ApiRoute(HandlerType.GET, PREFIX + "/service-accounts/{name}", Access.READ, ACCOUNT,
                    (api, ctx, caller) -> api.accountQueries.get(ctx)),
            new ApiRoute(HandlerType.PUT, PREFIX + "/service-accounts", Access.WRITE, ACCOUNT,
                    (api, ctx, caller) -> api.accountChanges.put(ctx, caller)),
            new ApiRoute(HandlerType.DELETE, PREFIX + "/service-accounts/{name}", Access.WRITE, ACCOUNT,
                    (api, ctx, caller) -> api.accountChanges.delete(ctx, caller)),
            new ApiRoute(HandlerType.PUT, PREFIX + "/service-accounts/{name}/scram-credentials", Access.WRITE,
                    CREDENTIALS, (api, ctx, caller) -> api.credentials.putScram(ctx, caller)),
            new ApiRoute(HandlerType.DELETE, PREFIX + "/service-accounts/{name}/scram-credentials/{mechanism}",
                    Access.WRITE, CREDENTIALS, (api, ctx, caller) -> api.credentials.deleteScram(ctx, caller)),
            new ApiRoute(HandlerType.POST, PREFIX + "/service-accounts/{name}/revoke-tokens", Access.WRITE,
                    CREDENTIALS, (api, ctx, caller) -> api.credentials.revokeTokens(ctx, caller)),
            new ApiRoute(HandlerType.POST, PREFIX + "/tokens", Access.WRITE, ACCOUNT,
                    (api, ctx, caller) -> api.credentials.mintToken(ctx, caller)),
            new ApiRoute(HandlerType.GET, PREFIX + "/groups", Access.READ, GROUP,
                    (api, ctx, caller) -> api.groupQueries.list(ctx)),
            new ApiRoute(HandlerType.GET, PREFIX + "/groups/{name}", Access.READ, GROUP,
                    (api, ctx, caller) -> api.groupQueries.get(ctx)),
            new ApiRoute(HandlerType.PUT, PREFIX + "/groups", Access.WRITE, GROUP,
                    (api, ctx, caller) -> api.groupChanges.put(ctx, caller)),
            new ApiRoute(HandlerType.DELETE, PREFIX + "/groups/{name}", Access.WRITE, GROUP,
                    (api, ctx, caller) -> api.groupChanges.delete(ctx, caller)),
            new ApiRoute(HandlerType.GET, CLUSTERS, Access.READ, CLUSTER,
                    (api, ctx, caller) -> api.virtualClusters.clusters().list(ctx)),
            new ApiRoute(HandlerType.GET, CLUSTERS + "/{name}", Access.READ, CLUSTER,
                    (api, ctx, caller) -> api.virtualClusters.clusters().get(ctx)),
            new ApiRoute(HandlerType.PUT, CLUSTERS + "/{name}", Access.WRITE, CLUSTER,
                    (api, ctx, caller) -> api.virtualClusters.putCluster(ctx, caller)),
            new ApiRoute(HandlerType.DELETE, CLUSTERS + "/{name}", Access.WRITE, CLUSTER,
                    (api, ctx, caller) -> api.virtualClusters.clusterChanges().delete(ctx, caller)),
            new ApiRoute(HandlerType.GET, CLUSTERS + "/{name}/alias-topics", Access.READ, ALIAS,
                    (api, ctx, caller) -> api.virtualClusters.aliases().list(ctx)),
            new ApiRoute(HandlerType.GET, CLUSTERS + "/{name}/alias-topics/{topic}", Access.READ, ALIAS,
                    (api, ctx, caller) -> api.virtualClusters.aliases().get(ctx)),
            new ApiRoute(HandlerType.PUT, CLUSTERS + "/{name}/alias-topics/{topic}", Access.WRITE, ALIAS,
                    (api, ctx, caller) -> api.virtualClusters.putAlias(ctx, caller)),
            new ApiRoute(HandlerType.DELETE, CLUSTERS + "/{name}/alias-topics/{topic}", Access.WRITE, ALIAS,
                    (api, ctx, caller) -> api.virtualClusters.aliasChanges().delete(ctx, caller)),
            new ApiRoute(HandlerType.GET, CLUSTERS + "/{name}/acls", Access.READ, ACL,
                    (api, ctx, caller) -> api.virtualClusters.acls().list(ctx)),
            new ApiRoute(HandlerType.POST, CLUSTERS + "/{name}/acls", Access.WRITE, ACL,
                    (api, ctx, caller) -> api.virtualClusters.postAcl(ctx, caller)),
            new ApiRoute(HandlerType.GET, CLUSTERS + "/{name}/acls/{bindingName}", Access.READ, ACL,
                    (api, ctx, caller) -> api.virtualClusters.acls().get(ctx)),
            new ApiRoute(HandlerType.PUT, CLUSTERS + "/{name}/acls/{bindingName}", Access.WRITE, ACL,
                    (api, ctx, caller) -> api.virtualClusters.putAcl(ctx, caller)),
            new ApiRoute(HandlerType.DELETE, CLUSTERS + "/{name}/acls/{bindingName}", Access.WRITE, ACL,
                    (api, ctx, caller) -> api.virtualClusters.aclChanges().delete(ctx, caller)));

    private final AdminAuthenticator authenticator;
    private final ChangeAudit audit;
    private final PluginEndpoints plugins;
    private final InterceptorQueries interceptorQueries;
    private final ResourceChanges interceptorChanges;
    private final ChainResolution resolution;
    private final GlobalResourceQueries accountQueries;
    private final ResourceChanges accountChanges;
    private final GlobalResourceQueries groupQueries;
    private final ResourceChanges groupChanges;
    private final IdentityEndpoints credentials;
    private final VirtualClusterEndpoints virtualClusters;

    /**
     * @param store where resources are read and written
     * @param registry this instance's interceptors: validates resources, resolves chains, lists plugins
     * @param tokens mints the tokens of local service accounts
     * @param authenticator who may call the API
     * @param audit where changes are recorded
     */
    public AdminApi(ResourceStore store, InterceptorRegistry registry, TokenIssuer tokens,
                    AdminAuthenticator authenticator, AuditLog audit) {
        this(store, registry, tokens, authenticator, audit, Clock.systemUTC());
    }

    AdminApi(ResourceStore store, InterceptorRegistry registry, TokenIssuer tokens, AdminAuthenticator authenticator,
             AuditLog audit, Clock clock) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(tokens, "tokens");
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.audit = new ChangeAudit(Objects.requireNonNull(audit, "audit"), clock);
        this.plugins = new PluginEndpoints(registry.catalog());
        this.interceptorQueries = new InterceptorQueries(store);
        ManagedKinds kinds = new ManagedKinds(registry);
        this.interceptorChanges = new ResourceChanges(INTERCEPTOR, "interceptor", "name", store,
                (ctx, name) -> interceptorQueries.find(name, ScopeParameters.of(ctx, Set.of())), kinds, this.audit,
                (deleted, caller) -> { });
        this.resolution = new ChainResolution(registry);
        this.accountQueries = new GlobalResourceQueries(ACCOUNT, "service account", store,
                account -> IdentityEndpoints.accountView(account, store));
        // An account's credentials go with it: an account created again later under the same name starts with none.
        this.accountChanges = new ResourceChanges(ACCOUNT, "service account", "name", store, accountQueries::find,
                kinds, this.audit,
                (deleted, caller) -> store.delete(CredentialsSpec.idOf(deleted.metadata().name()), caller.name()));
        this.groupQueries = new GlobalResourceQueries(GROUP, "group", store, ResourceDocuments::toNode);
        this.groupChanges = new ResourceChanges(GROUP, "group", "name", store, groupQueries::find, kinds, this.audit,
                (deleted, caller) -> { });
        this.credentials = new IdentityEndpoints(store, accountQueries, tokens, this.audit, clock);
        this.virtualClusters = new VirtualClusterEndpoints(store, kinds, this.audit);
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
            audit.recordByName(caller, ctx.method().name(), route.kind(), ctx.pathParamMap().get("name"),
                    "FORBIDDEN", message);
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
