package io.streamgate.core.chain;

import io.streamgate.api.InvalidConfigException;
import io.streamgate.api.Interceptor;
import io.streamgate.api.InterceptorPlugin;
import io.streamgate.api.PluginConfig;
import io.streamgate.api.PluginContext;
import io.streamgate.api.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The interceptors installed in this gateway, and each connection's effective chain.
 *
 * <p>Changes (from the admin API, the resource store, tests) build a new immutable state and publish it;
 * connections notice the new {@link #version()} on their next request and take their new chain, so a change
 * applies to new requests on existing connections at once, without dropping any. A replaced or removed
 * interceptor is closed after a grace period, once requests that started with it are done.
 *
 * <p>Chain resolution: every installed interceptor whose scope matches the connection; among those with the
 * same name, the narrowest scope wins ({@link Scope#specificity()}; ties go to the scope whose text sorts
 * first); the result is ordered by priority, then name.
 *
 * <p>Thread-safe. Writes are serialized; reads are lock-free.
 */
public final class InterceptorRegistry implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InterceptorRegistry.class);
    private static final Comparator<InstalledInterceptor> CHAIN_ORDER = Comparator
            .comparingInt((InstalledInterceptor i) -> i.definition().priority())
            .thenComparing(InstalledInterceptor::name);

    private final PluginCatalog catalog;
    private final PluginContext pluginContext;
    private final PluginConfigValidator validator;
    private final Duration closeGrace;
    private final Set<InstalledInterceptor> retiring = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService closer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "streamgate-interceptor-closer");
        thread.setDaemon(true);
        return thread;
    });
    /** What is installed, published as one value so that readers see a consistent version and set. */
    private volatile Installed state = new Installed(0, Map.of());
    private final Map<ChainIdentity, Resolved> chains = new ConcurrentHashMap<>();

    private record Installed(int version, Map<InterceptorDefinition.Key, InstalledInterceptor> interceptors) {
    }

    private record Resolved(int version, EffectiveChain chain) {
    }

    /**
     * @param environment where {@code ${VAR}} references in configurations are looked up
     * @param closeGrace how long a replaced interceptor keeps serving requests that started with it
     */
    public InterceptorRegistry(PluginCatalog catalog, PluginContext pluginContext, Map<String, String> environment,
                               Duration closeGrace) {
        this.catalog = catalog;
        this.pluginContext = pluginContext;
        this.validator = new PluginConfigValidator(environment);
        this.closeGrace = closeGrace;
    }

    public PluginCatalog catalog() {
        return catalog;
    }

    /** Increases with every change; connections compare it to know when to refresh their chain. */
    public int version() {
        return state.version();
    }

    /**
     * Checks that {@code definition} could be installed (known plugin, configuration valid for its schema and
     * accepted by the plugin) without installing it.
     *
     * @throws InvalidInterceptorException naming the offending field
     */
    public void validate(InterceptorDefinition definition) {
        create(definition).interceptor().close();
    }

    /**
     * Installs {@code definition}, replacing an interceptor of the same name and scope. Installing a
     * definition equal to the installed one changes nothing.
     *
     * @return whether anything changed
     * @throws InvalidInterceptorException naming the offending field; nothing changes then
     */
    public synchronized boolean put(InterceptorDefinition definition) {
        InstalledInterceptor current = state.interceptors().get(definition.key());
        if (current != null && current.definition().equals(definition)) {
            return false;
        }
        InstalledInterceptor created = create(definition);
        Map<InterceptorDefinition.Key, InstalledInterceptor> next = new LinkedHashMap<>(state.interceptors());
        next.put(definition.key(), created);
        publish(next);
        retire(current);
        LOG.info("Interceptor {} {} (plugin {}, priority {})", definition.key(), current == null ? "installed"
                : "updated", definition.pluginId(), definition.priority());
        return true;
    }

    /** Removes the interceptor of this name and scope; false if there is none. */
    public synchronized boolean remove(String name, Scope scope) {
        InterceptorDefinition.Key key = new InterceptorDefinition.Key(name, scope == null ? Scope.GLOBAL : scope);
        InstalledInterceptor current = state.interceptors().get(key);
        if (current == null) {
            return false;
        }
        Map<InterceptorDefinition.Key, InstalledInterceptor> next = new LinkedHashMap<>(state.interceptors());
        next.remove(key);
        publish(next);
        retire(current);
        LOG.info("Interceptor {} removed", key);
        return true;
    }

    /**
     * Makes the installed set exactly {@code definitions}: installs new and changed ones, removes the rest.
     * A definition that cannot be installed is logged and skipped, and the others still apply: one bad
     * resource in a shared store must not take every interceptor down.
     */
    public synchronized void replaceAll(Collection<InterceptorDefinition> definitions) {
        Set<InterceptorDefinition.Key> wanted = new HashSet<>();
        for (InterceptorDefinition definition : definitions) {
            wanted.add(definition.key());
            try {
                put(definition);
            } catch (RuntimeException e) {
                LOG.error("Cannot install interceptor {}: {}", definition.key(), e.getMessage());
            }
        }
        for (InterceptorDefinition.Key key : List.copyOf(state.interceptors().keySet())) {
            if (!wanted.contains(key)) {
                remove(key.name(), key.scope());
            }
        }
    }

    /** Every installed definition. */
    public List<InterceptorDefinition> definitions() {
        return state.interceptors().values().stream().map(InstalledInterceptor::definition).toList();
    }

    public Optional<InterceptorDefinition> find(String name, Scope scope) {
        return Optional.ofNullable(state.interceptors().get(new InterceptorDefinition.Key(name, scope)))
                .map(InstalledInterceptor::definition);
    }

    /** The chain of a connection with this identity, computed once per identity and registry version. */
    public EffectiveChain chainFor(ChainIdentity identity) {
        Installed current = state;
        Resolved cached = chains.get(identity);
        if (cached != null && cached.version() == current.version()) {
            return cached.chain();
        }
        EffectiveChain chain = resolve(identity, current.interceptors());
        chains.put(identity, new Resolved(current.version(), chain));
        return chain;
    }

    /** The interceptors that would run, in order, for a connection with this identity. */
    public List<InterceptorDefinition> resolve(String virtualCluster, String username, Set<String> groups) {
        return chainFor(new ChainIdentity(virtualCluster, username, groups)).interceptors().stream()
                .map(InstalledInterceptor::definition).toList();
    }

    private static EffectiveChain resolve(ChainIdentity identity,
                                          Map<InterceptorDefinition.Key, InstalledInterceptor> installed) {
        Map<String, InstalledInterceptor> byName = new HashMap<>();
        for (InstalledInterceptor interceptor : installed.values()) {
            Scope scope = interceptor.definition().scope();
            if (!scope.matches(identity.virtualCluster(), identity.username(), identity.groups())) {
                continue;
            }
            byName.merge(interceptor.name(), interceptor, InterceptorRegistry::narrower);
        }
        if (byName.isEmpty()) {
            return EffectiveChain.EMPTY;
        }
        List<InstalledInterceptor> ordered = new ArrayList<>(byName.values());
        ordered.sort(CHAIN_ORDER);
        return new EffectiveChain(ordered);
    }

    private static InstalledInterceptor narrower(InstalledInterceptor a, InstalledInterceptor b) {
        Scope scopeA = a.definition().scope();
        Scope scopeB = b.definition().scope();
        if (scopeA.specificity() != scopeB.specificity()) {
            return scopeA.specificity() > scopeB.specificity() ? a : b;
        }
        return scopeA.toString().compareTo(scopeB.toString()) <= 0 ? a : b;
    }

    private InstalledInterceptor create(InterceptorDefinition definition) {
        InterceptorPlugin plugin = catalog.find(definition.pluginId()).orElseThrow(() ->
                new InvalidInterceptorException("spec.plugin", "unknown plugin '" + definition.pluginId()
                        + "'; known plugins: " + catalog.all().stream().map(e -> e.plugin().id()).sorted().toList()))
                .plugin();
        Map<String, Object> config = validator.validate(plugin, definition.config());
        Interceptor interceptor;
        try {
            interceptor = plugin.create(new PluginConfig(config), pluginContext);
        } catch (InvalidConfigException e) {
            throw new InvalidInterceptorException("spec.config" + (e.field().isEmpty() ? "" : "." + e.field()),
                    e.getMessage().substring(e.field().isEmpty() ? 0 : e.field().length() + 2));
        } catch (RuntimeException e) {
            throw new InvalidInterceptorException("spec.config", "plugin " + plugin.id() + " refused it: " + e);
        }
        HookTable hooks = new HookTable();
        try {
            interceptor.registerHooks(hooks);
        } catch (RuntimeException e) {
            interceptor.close();
            throw new InvalidInterceptorException("spec.plugin", "plugin " + plugin.id() + " failed to register its "
                    + "hooks: " + e.getMessage());
        }
        hooks.seal();
        return new InstalledInterceptor(definition, interceptor, hooks);
    }

    private void publish(Map<InterceptorDefinition.Key, InstalledInterceptor> next) {
        state = new Installed(state.version() + 1, Map.copyOf(next));
        chains.clear();
    }

    private void retire(InstalledInterceptor interceptor) {
        if (interceptor == null) {
            return;
        }
        retiring.add(interceptor);
        closer.schedule(() -> closeRetired(interceptor), closeGrace.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void closeRetired(InstalledInterceptor interceptor) {
        if (retiring.remove(interceptor)) {
            closeQuietly(interceptor);
        }
    }

    private static void closeQuietly(InstalledInterceptor interceptor) {
        try {
            interceptor.interceptor().close();
        } catch (RuntimeException e) {
            LOG.warn("Interceptor {} failed to close: {}", interceptor, e.toString());
        }
    }

    /** Closes every interceptor now, including replaced ones still within their grace period. */
    @Override
    public synchronized void close() {
        closer.shutdownNow();
        for (InstalledInterceptor interceptor : List.copyOf(retiring)) {
            closeRetired(interceptor);
        }
        state.interceptors().values().forEach(InterceptorRegistry::closeQuietly);
        publish(Map.of());
    }
}
