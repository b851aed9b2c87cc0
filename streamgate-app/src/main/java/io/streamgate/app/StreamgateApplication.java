package io.streamgate.app;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.streamgate.admin.AdminServer;
import io.streamgate.admin.Readiness;
import io.streamgate.admin.api.AdminApi;
import io.streamgate.admin.audit.AuditLog;
import io.streamgate.admin.audit.AuthenticationAuditLog;
import io.streamgate.admin.audit.PolicyAuditLog;
import io.streamgate.admin.identity.StoreIdentityDirectory;
import io.streamgate.admin.identity.TokenIssuer;
import io.streamgate.admin.identity.TokenSigningKey;
import io.streamgate.admin.interceptors.InterceptorSync;
import io.streamgate.admin.security.AdminAuthenticator;
import io.streamgate.admin.vcluster.StoreVirtualClusterDirectory;
import io.streamgate.app.cli.VersionProvider;
import io.streamgate.app.config.StreamgateConfig;
import io.streamgate.app.embedded.EmbeddedKafka;
import io.streamgate.app.resources.ResourceDirectorySeed;
import io.streamgate.app.resources.ResourceStoreOpener;
import io.streamgate.core.Gateway;
import io.streamgate.core.GatewayConfig;
import io.streamgate.core.auth.GatewaySecurity;
import io.streamgate.core.auth.GatewayTokens;
import io.streamgate.core.auth.IdentityDirectory;
import io.streamgate.core.vcluster.VirtualClusterDirectory;
import io.streamgate.state.ResourceStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * One running Streamgate: the embedded Kafka when no upstream is configured, the resource store, the gateway in front
 * of the upstream (or embedded) cluster with its interceptors kept equal to the store's, and the admin HTTP server
 * whose readiness follows the gateway's ("starting" until the gateway runs with its interceptors).
 *
 * <p>{@link #start()} brings them up in this order: embedded Kafka, resource store, the files of
 * {@code resourcesDir} (validated, then stored), admin credentials, the token signing key, the service accounts and
 * groups of the store (followed live, for client authentication) and its virtual clusters (followed live, for the
 * connections that land in one), gateway, interceptors from the store into the
 * gateway's registry (then followed live), admin API; the admin server starts alongside from the beginning, so that
 * probes are answered early and its API answers 503 until then. {@link #close()} stops following the store, then
 * stops the gateway, so that it drains in-flight requests, then the admin server (which answers probes while the
 * gateway drains), the resource store and the embedded Kafka. Both may be called from different threads (a shutdown
 * hook closes while the main thread waits).
 */
public final class StreamgateApplication implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StreamgateApplication.class);
    /** The audit log of admin API changes, in the data directory. */
    static final String AUDIT_LOG = "admin-audit.log";

    private final StreamgateConfig config;
    private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final CountDownLatch stopped = new CountDownLatch(1);

    private volatile boolean closeRequested;
    private volatile Gateway gateway;
    private volatile ResourceStore store;
    private volatile InterceptorSync interceptorSync;
    private volatile StoreIdentityDirectory identityDirectory;
    private volatile StoreVirtualClusterDirectory virtualClusterDirectory;
    private volatile AuthenticationAuditLog authenticationAudit;
    private volatile PolicyAuditLog policyAudit;
    private boolean closed;
    private ProcessMetrics processMetrics;
    private EmbeddedKafka embeddedKafka;
    private CompletableFuture<AdminServer> adminStart;
    private AdminServer adminServer;
    private ReadyAnnouncer readyAnnouncer;

    public StreamgateApplication(StreamgateConfig config) {
        this.config = config;
    }

    /**
     * Starts every component; returns once the gateway and admin ports are bound, whether or not the upstream
     * cluster answers yet. A line is logged when the gateway becomes ready.
     *
     * If {@link #close()} is called meanwhile (a signal), startup stops at the next component and returns.
     *
     * @throws StartupException naming the component that failed; everything already started is stopped again
     */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("already closed");
        }
        log.info("starting Streamgate {} in front of {}", VersionProvider.streamgateVersion(), upstreamDescription());
        try {
            // The admin server starts alongside the rest: its cold start (Jetty class loading, ~0.5 s) then costs
            // nothing on the way to ready, and liveness is answered while the embedded Kafka starts.
            adminStart = CompletableFuture.supplyAsync(
                    () -> new AdminServer(config.bind(), config.adminPort(), this::readiness, metrics).start(),
                    task -> startThread("streamgate-admin-start", task));
            processMetrics = ProcessMetrics.bindTo(metrics);
            List<String> upstream = config.upstream().bootstrapServerList();
            if (config.usesEmbeddedKafka()) {
                embeddedKafka = step("embedded Kafka", () -> EmbeddedKafka.start(config.dataDir()));
                upstream = List.of(embeddedKafka.bootstrapServers());
            }
            GatewayConfig gatewayConfig = config.toGatewayConfig(upstream);
            store = step("resource store", () -> ResourceStoreOpener.open(config, gatewayConfig));
            config.resourcesDir().ifPresent(directory -> step("resources in " + directory,
                    () -> ResourceDirectorySeed.seed(directory, store, gatewayConfig, System.getenv())));
            AdminAuthenticator authenticator = step("admin API credentials", () -> AdminAccess.authenticator(config));
            GatewayTokens tokens = step("token signing key", this::gatewayTokens);
            identityDirectory = step("service accounts", () -> new StoreIdentityDirectory(store, tokens).start());
            AuditLog adminAudit = new AuditLog(config.dataDir().resolve(AUDIT_LOG));
            virtualClusterDirectory = step("virtual clusters",
                    () -> new StoreVirtualClusterDirectory(store, adminAudit).start());
            authenticationAudit = new AuthenticationAuditLog(config.dataDir().resolve(AuthenticationAuditLog.FILE_NAME));
            policyAudit = new PolicyAuditLog(config.dataDir().resolve(PolicyAuditLog.FILE_NAME));
            gateway = step("gateway", () -> Gateway.start(gatewayConfig, metrics,
                    new GatewaySecurity(identityDirectory, authenticationAudit, virtualClusterDirectory, policyAudit)));
            interceptorSync = step("interceptors", () -> new InterceptorSync(store, gateway.interceptors()).start());
            adminServer = step("admin server", this::joinAdminStart);
            adminServer.serveApi(new AdminApi(store, gateway.interceptors(),
                    new TokenIssuer(tokens, config.tokens().maxLifetime()), authenticator, adminAudit));
            log.info("admin API on http://{}:{} (/api/v1, /openapi.json, /health/live, /health/ready, /metrics)",
                    config.bind(), adminServer.port());
            readyAnnouncer = ReadyAnnouncer.start(this::isReady, gateway.bootstrapServers(), upstreamDescription(),
                    config.upstream().connectTimeout());
        } catch (ShutdownDuringStartup e) {
            // A signal arrived while starting: stop what runs, as close() would, but there was no failure.
            abandonStartup();
            log.info("stopped during startup");
        } catch (RuntimeException e) {
            abandonStartup();
            throw e instanceof StartupException startup ? startup : new StartupException(messageOf(e), e);
        }
    }

    private void abandonStartup() {
        stopComponents();
        closed = true;
        stopped.countDown();
    }

    /** The bound admin port, e.g. when 0 was configured. */
    public synchronized int adminPort() {
        if (adminServer == null) {
            throw new IllegalStateException("not started");
        }
        return adminServer.port();
    }

    /** The running gateway; empty before it started and after startup failed. */
    public Optional<Gateway> gateway() {
        return Optional.ofNullable(gateway);
    }

    /** The service accounts and groups the gateway authenticates clients against; empty before they are loaded. */
    public Optional<IdentityDirectory> identityDirectory() {
        return Optional.ofNullable(identityDirectory);
    }

    /** The virtual clusters connections land in, with their aliases and ACLs; empty before they are loaded. */
    public Optional<VirtualClusterDirectory> virtualClusterDirectory() {
        return Optional.ofNullable(virtualClusterDirectory);
    }

    /** Blocks until {@link #close()} has finished, or startup has failed. */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    /** Stops everything that runs: gateway (draining in-flight requests), admin server, embedded Kafka. */
    @Override
    public void close() {
        closeRequested = true;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            long started = System.nanoTime();
            log.info("shutting down");
            stopComponents();
            log.info("stopped in {} ms", (System.nanoTime() - started) / 1_000_000);
            stopped.countDown();
        }
    }

    /** The signer of gateway tokens, with the configured key or the one kept in the data directory. */
    private GatewayTokens gatewayTokens() {
        if (config.tokens().signingKey().isEmpty()) {
            if (config.store().type() == StreamgateConfig.StoreType.KAFKA) {
                log.warn("tokens.signingKey is not set although the resource store is shared (store.type=kafka): the "
                        + "tokens this instance mints are accepted by this instance only; give every instance the "
                        + "same tokens.signingKey");
            }
            log.info("gateway tokens are signed with the key kept in {}",
                    config.dataDir().resolve(TokenSigningKey.FILE_NAME));
        }
        return new GatewayTokens(TokenSigningKey.configuredOrKeptIn(config.tokens().signingKey(), config.dataDir()));
    }

    private boolean isReady() {
        Gateway current = gateway;
        return current != null && interceptorSync != null && current.isReady();
    }

    private Readiness readiness() {
        Gateway current = gateway;
        if (current == null || interceptorSync == null) {
            return Readiness.notReady("starting");
        }
        if (closeRequested) {
            return Readiness.notReady("shutting down");
        }
        return current.isReady() ? Readiness.ready() : Readiness.notReady(current.notReadyReason());
    }

    private <T> T step(String component, Supplier<T> startup) {
        if (closeRequested) {
            throw new ShutdownDuringStartup();
        }
        try {
            return startup.get();
        } catch (RuntimeException e) {
            throw new StartupException(component + ": " + messageOf(e), e);
        }
    }

    private AdminServer joinAdminStart() {
        try {
            return adminStart.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private void stopComponents() {
        if (readyAnnouncer != null) {
            readyAnnouncer.close();
        }
        InterceptorSync sync = interceptorSync;
        if (sync != null) {
            stopQuietly("interceptor sync", sync::close);
        }
        Gateway current = gateway;
        if (current != null) {
            stopQuietly("gateway", current::close);
        }
        StoreIdentityDirectory directory = identityDirectory;
        if (directory != null) {
            stopQuietly("service accounts", directory::close);
        }
        StoreVirtualClusterDirectory virtualClusters = virtualClusterDirectory;
        if (virtualClusters != null) {
            stopQuietly("virtual clusters", virtualClusters::close);
        }
        PolicyAuditLog violations = policyAudit;
        if (violations != null) {
            stopQuietly("policy audit", violations::close);
        }
        AuthenticationAuditLog authAudit = authenticationAudit;
        if (authAudit != null) {
            stopQuietly("authentication audit", authAudit::close);
        }
        if (adminStart != null) {
            // When startup failed elsewhere the admin server may still be starting: wait for it, then stop it.
            AdminServer admin = adminStart.exceptionally(failure -> null).join();
            if (admin != null) {
                stopQuietly("admin server", admin::stop);
            }
        }
        ResourceStore currentStore = store;
        if (currentStore != null) {
            stopQuietly("resource store", currentStore::close);
        }
        if (embeddedKafka != null) {
            stopQuietly("embedded Kafka", embeddedKafka::close);
        }
        if (processMetrics != null) {
            processMetrics.close();
        }
        metrics.close();
    }

    private static void startThread(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void stopQuietly(String component, Runnable stop) {
        try {
            stop.run();
        } catch (RuntimeException e) {
            log.warn("{} did not stop cleanly: {}", component, messageOf(e));
            log.debug("{} stop failure", component, e);
        }
    }

    private String upstreamDescription() {
        return config.usesEmbeddedKafka()
                ? "the embedded Kafka (" + config.dataDir().resolve("kafka") + ")"
                : String.join(",", config.upstream().bootstrapServerList());
    }

    private static String messageOf(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getCause() != null ? messageOf(e.getCause()) : e.getClass().getSimpleName();
        }
        return message;
    }

    /** Unwinds {@link #start()} when a shutdown was requested before it finished. */
    private static final class ShutdownDuringStartup extends RuntimeException {
        ShutdownDuringStartup() {
            super("shutdown requested during startup", null, false, false);
        }
    }
}
