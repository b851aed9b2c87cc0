package io.streamgate.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.streamgate.admin.api.AdminApi;
import io.streamgate.admin.api.ApiException;
import io.streamgate.admin.api.ApiRoute;
import io.streamgate.state.InvalidResourceException;
import io.streamgate.state.ResourceStoreException;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The admin HTTP server of one gateway process:
 * <ul>
 *   <li>{@code GET /health/live}: 200 {@code {"status":"UP"}} while the process runs;</li>
 *   <li>{@code GET /health/ready}: 200 {@code {"status":"UP"}} when the readiness supplier says so, else
 *       503 {@code {"status":"DOWN","reason":"..."}};</li>
 *   <li>{@code GET /metrics}: the Prometheus text exposition (format 0.0.4) of the given registry;</li>
 *   <li>{@code GET /openapi.json}: the OpenAPI 3.1 description of everything served here;</li>
 *   <li>the management API under {@value AdminApi#PREFIX} ({@link AdminApi}): answered 503 until
 *       {@link #serveApi} hands it over, so that the server can start (and answer probes) before the gateway has
 *       loaded its resources;</li>
 *   <li>anything else: 404 with a JSON error.</li>
 * </ul>
 * Probes, metrics and the OpenAPI document need no credentials (load balancers and Prometheus call them); the
 * management API does. Every error is JSON: {@code {"status": 400, "error": "...", "field": "spec.priority"}}, the
 * field only when the problem is about one.
 * Create it, call {@link #start()}, and {@link #stop()} it when the process shuts down. Port 0 binds a free
 * port; {@link #port()} tells which.
 */
public final class AdminServer implements AutoCloseable {

    /** The content type of Prometheus' text exposition format, version 0.0.4. */
    public static final String PROMETHEUS_TEXT_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private static final Logger log = LoggerFactory.getLogger(AdminServer.class);

    // Probes and scrapes are tiny and rare: a handful of threads is plenty, and keeps the heap shared with
    // the gateway (and possibly the embedded Kafka) small. Jetty needs one acceptor and one selector thread.
    private static final int MAX_THREADS = 8;
    private static final String ERROR_WRITTEN = "streamgate.errorWritten";
    private static final String OPENAPI_RESOURCE = "/io/streamgate/admin/openapi.json";
    private static final int MIN_THREADS = 2;

    private final String bindAddress;
    private final int requestedPort;
    private final Supplier<Readiness> readiness;
    private final PrometheusMeterRegistry metrics;
    private final ObjectMapper json = new ObjectMapper();

    private final byte[] openApiDocument = openApiDocument();

    private Javalin javalin;
    private volatile AdminApi api;

    /**
     * @param bindAddress the local address to listen on, e.g. {@code 127.0.0.1} or {@code 0.0.0.0}
     * @param port the port to listen on; 0 picks a free one
     * @param readiness asked on every readiness probe; must be cheap and thread-safe
     * @param metrics the registry that {@code /metrics} exposes
     */
    public AdminServer(String bindAddress, int port, Supplier<Readiness> readiness, PrometheusMeterRegistry metrics) {
        this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in 0..65535, was " + port);
        }
        this.requestedPort = port;
        this.readiness = Objects.requireNonNull(readiness, "readiness");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /**
     * Binds the port and starts serving.
     *
     * @return this server
     * @throws IllegalStateException if already started
     * @throws AdminServerException if the port cannot be bound
     */
    public synchronized AdminServer start() {
        if (javalin != null) {
            throw new IllegalStateException("admin server already started");
        }
        Javalin created = Javalin.create(this::configure);
        try {
            created.start();
        } catch (RuntimeException e) {
            stopQuietly(created);
            throw new AdminServerException("cannot start the admin HTTP server on " + bindAddress + ":" + requestedPort
                    + ": " + rootMessage(e), e);
        }
        javalin = created;
        log.debug("admin HTTP server listening on {}:{}", bindAddress, created.port());
        return this;
    }

    /** The bound port: the requested one, or the one chosen when 0 was requested. */
    public synchronized int port() {
        if (javalin == null) {
            throw new IllegalStateException("admin server not started");
        }
        return javalin.port();
    }

    /** Serves the management API from now on; until then its routes answer 503. */
    public void serveApi(AdminApi managementApi) {
        this.api = Objects.requireNonNull(managementApi, "managementApi");
    }

    /**
     * Every route this server answers, as {@code METHOD /path} with Javalin's parameter syntax
     * ({@code GET /api/v1/interceptors/{name}}), in registration order.
     */
    public synchronized List<String> routes() {
        if (javalin == null) {
            throw new IllegalStateException("admin server not started");
        }
        return javalin.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                .map(endpoint -> endpoint.method.name() + " " + endpoint.path)
                .toList();
    }

    /** Stops serving and releases the port. Does nothing if not running. */
    public synchronized void stop() {
        if (javalin != null) {
            stopQuietly(javalin);
            javalin = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void configure(JavalinConfig config) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.jetty.host = bindAddress;
        config.jetty.port = requestedPort;
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, MIN_THREADS);
        threads.setName("streamgate-admin");
        config.jetty.threadPool = threads;
        config.jsonMapper(new JavalinJackson(json, false));

        config.routes.get("/health/live", ctx -> ctx.json(HealthBody.UP));
        config.routes.get("/health/ready", this::ready);
        config.routes.get("/metrics", this::scrape);
        config.routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApiDocument));
        for (ApiRoute route : AdminApi.routes()) {
            config.routes.addHttpHandler(route.method(), route.path(), ctx -> managementApi().serve(route, ctx));
        }
        config.routes.error(HttpStatus.NOT_FOUND, ctx -> {
            // A route that answered 404 itself ("no interceptor named x") has written its own body.
            if (ctx.attribute(ERROR_WRITTEN) == null) {
                ctx.json(new ErrorBody(404, "no such endpoint: " + ctx.method() + " " + ctx.path()));
            }
        });
        config.routes.exception(ApiException.class, (e, ctx) -> {
            ctx.attribute(ERROR_WRITTEN, Boolean.TRUE);
            ctx.status(e.status()).json(new ErrorBody(e.status(), e.getMessage(), e.field()));
        });
        config.routes.exception(InvalidResourceException.class, (e, ctx) -> ctx.status(HttpStatus.BAD_REQUEST)
                .json(new ErrorBody(400, e.field().isEmpty() ? e.problem() : e.field() + ": " + e.problem(),
                        e.field().isEmpty() ? null : e.field())));
        config.routes.exception(ResourceStoreException.class, (e, ctx) -> {
            log.warn("admin request {} {}: resource store failure: {}", ctx.method(), ctx.path(), e.getMessage());
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .json(new ErrorBody(503, "the resource store failed: " + e.getMessage()));
        });
        config.routes.exception(Exception.class, (e, ctx) -> {
            log.warn("admin request {} {} failed", ctx.method(), ctx.path(), e);
            ctx.status(HttpStatus.INTERNAL_SERVER_ERROR)
                    .json(new ErrorBody(500, "internal error: " + rootMessage(e)));
        });
    }

    private AdminApi managementApi() {
        AdminApi current = api;
        if (current == null) {
            throw new ApiException(503, "the gateway is starting: the management API is not available yet");
        }
        return current;
    }

    private static byte[] openApiDocument() {
        try (InputStream in = AdminServer.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(OPENAPI_RESOURCE + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void ready(Context ctx) {
        Readiness current = readiness.get();
        if (current instanceof Readiness.NotReady notReady) {
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(HealthBody.down(notReady.reason()));
        } else {
            ctx.json(HealthBody.UP);
        }
    }

    private void scrape(Context ctx) {
        ctx.contentType(PROMETHEUS_TEXT_CONTENT_TYPE).result(metrics.scrape(PROMETHEUS_TEXT_CONTENT_TYPE));
    }

    private static void stopQuietly(Javalin javalin) {
        try {
            javalin.stop();
        } catch (RuntimeException e) {
            log.warn("admin HTTP server did not stop cleanly: {}", rootMessage(e));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
