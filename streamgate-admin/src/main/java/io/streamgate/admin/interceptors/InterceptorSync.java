package io.streamgate.admin.interceptors;

import io.streamgate.core.chain.InterceptorDefinition;
import io.streamgate.core.chain.InterceptorRegistry;
import io.streamgate.state.Resource;
import io.streamgate.state.ResourceChange;
import io.streamgate.state.ResourceId;
import io.streamgate.state.ResourceStore;
import io.streamgate.state.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Keeps an {@link InterceptorRegistry} equal to the {@code Interceptor} resources of a {@link ResourceStore}: on
 * {@link #start()} it subscribes and installs the subscription's snapshot with
 * {@link InterceptorRegistry#replaceAll}, then applies each change as it comes ({@code put} or {@code remove}), so
 * a change made through any instance sharing the store reaches this instance's connections on their next request.
 *
 * <p>A resource this instance cannot install (a plugin missing here, an environment variable not set here, a
 * plugin refusing it) is logged as an error and skipped; the others still apply. When a changed resource cannot be
 * installed, the version installed before keeps running, and a log line says so. {@link #failures()} lists what
 * is not installed, and why.
 *
 * <p><b>Threading.</b> The store calls its listeners on its own thread and asks them to return quickly; creating an
 * interceptor may take a while (a plugin may compile schemas or open files), so changes are applied on a thread of
 * this class, one at a time, in the order the store announced them. {@link #start()} applies the snapshot before
 * any change: changes that arrive meanwhile wait behind it.
 */
public final class InterceptorSync implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InterceptorSync.class);

    private final ResourceStore store;
    private final InterceptorRegistry registry;
    private final ExecutorService applier = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "streamgate-interceptor-sync");
        thread.setDaemon(true);
        return thread;
    });
    /** Taken by {@link #start()} while it installs the snapshot, and by every change applied after. */
    private final Object applyLock = new Object();
    private final Map<ResourceId, String> failures = new ConcurrentHashMap<>();
    private Subscription subscription;
    private volatile boolean closed;

    public InterceptorSync(ResourceStore store, InterceptorRegistry registry) {
        this.store = Objects.requireNonNull(store, "store");
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * Subscribes to the store and makes the registry hold exactly its interceptor resources. Returns once they are
     * installed (or logged as not installable).
     *
     * @return this
     */
    public synchronized InterceptorSync start() {
        if (subscription != null) {
            throw new IllegalStateException("already started");
        }
        synchronized (applyLock) {
            subscription = store.subscribe(change -> {
                if (InterceptorResourceMapper.isInterceptor(change.id()) && !closed) {
                    applier.execute(() -> apply(change));
                }
            });
            installSnapshot(subscription.snapshot());
        }
        return this;
    }

    /** The interceptor resources this instance could not install, with the reason; empty when all run. */
    public Map<ResourceId, String> failures() {
        return Map.copyOf(failures);
    }

    private void installSnapshot(Map<ResourceId, Resource> snapshot) {
        List<InterceptorDefinition> definitions = new ArrayList<>();
        for (Resource resource : snapshot.values()) {
            if (InterceptorResourceMapper.isInterceptor(resource.id())) {
                InterceptorDefinition definition = definition(resource);
                if (definition != null) {
                    definitions.add(definition);
                }
            }
        }
        // replaceAll logs and skips what it cannot install; check each afterwards to record which.
        registry.replaceAll(definitions);
        int installed = 0;
        for (InterceptorDefinition definition : definitions) {
            if (definition.equals(registry.find(definition.name(), definition.scope()).orElse(null))) {
                installed++;
            } else {
                failures.putIfAbsent(new ResourceId(InterceptorResourceMapper.KIND, definition.name(),
                        definition.scope()), "cannot be installed on this instance (see the log)");
            }
        }
        LOG.info("Interceptors from the resource store: {} installed{}", installed,
                failures.isEmpty() ? "" : ", not installable: " + failures.keySet());
    }

    private void apply(ResourceChange change) {
        synchronized (applyLock) {
            if (closed) {
                return;
            }
            try {
                if (change instanceof ResourceChange.Upserted upserted) {
                    InterceptorDefinition definition = definition(upserted.after());
                    if (definition != null) {
                        registry.put(definition);
                        failures.remove(change.id());
                    } else if (registry.find(change.id().name(), change.id().scope()).isPresent()) {
                        LOG.error("Interceptor {}: the version installed before keeps running", change.id());
                    }
                } else if (change instanceof ResourceChange.Deleted deleted) {
                    failures.remove(change.id());
                    registry.remove(deleted.before().metadata().name(), deleted.before().metadata().scope());
                }
            } catch (RuntimeException e) {
                failures.put(change.id(), e.getMessage());
                boolean previousRuns = change instanceof ResourceChange.Upserted upserted
                        && registry.find(upserted.after().metadata().name(), upserted.after().metadata().scope())
                        .isPresent();
                LOG.error("Cannot install interceptor {} on this instance: {}{}", change.id(), e.getMessage(),
                        previousRuns ? "; the version installed before keeps running" : "");
            }
        }
    }

    /** The definition of {@code resource}, or null (logged, and recorded in failures) when it is malformed. */
    private InterceptorDefinition definition(Resource resource) {
        try {
            return InterceptorResourceMapper.toDefinition(resource);
        } catch (RuntimeException e) {
            failures.put(resource.id(), e.getMessage());
            LOG.error("Cannot install interceptor {} on this instance: {}", resource.id(), e.getMessage());
            return null;
        }
    }

    /**
     * Stops following the store. The installed interceptors stay in the registry: whoever owns it closes it.
     */
    @Override
    public synchronized void close() {
        closed = true;
        if (subscription != null) {
            subscription.close();
        }
        applier.shutdown();
        try {
            if (!applier.awaitTermination(5, TimeUnit.SECONDS)) {
                applier.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            applier.shutdownNow();
        }
    }
}
