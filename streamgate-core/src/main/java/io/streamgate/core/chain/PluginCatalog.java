package io.streamgate.core.chain;

import io.streamgate.api.InterceptorPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * The interceptor plugins this gateway can run, found with {@link ServiceLoader}: first on the class path
 * (the built-in ones), then in each jar of the plugins directory, each jar in a class loader of its own whose
 * parent is the gateway's, so plugins share the SPI and kafka-clients with the gateway but not each other's
 * dependencies. Ids are unique: a later plugin with an id already taken is refused, with an error in the log.
 * Immutable once built; thread-safe.
 */
public final class PluginCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(PluginCatalog.class);

    private final Map<String, CatalogEntry> plugins;

    private PluginCatalog(Map<String, CatalogEntry> plugins) {
        this.plugins = Collections.unmodifiableMap(plugins);
    }

    /** A plugin and where it was found. */
    public record CatalogEntry(InterceptorPlugin plugin, String source) {
    }

    /** The plugins on the class path and, if {@code pluginsDirectory} exists, in its jars. */
    public static PluginCatalog discover(ClassLoader parent, Path pluginsDirectory) {
        Map<String, CatalogEntry> plugins = new LinkedHashMap<>();
        load(ServiceLoader.load(InterceptorPlugin.class, parent), "class path", plugins);
        for (Path jar : jars(pluginsDirectory)) {
            URLClassLoader loader = new URLClassLoader("plugin:" + jar.getFileName(), new URL[] {url(jar)}, parent);
            load(ServiceLoader.load(InterceptorPlugin.class, loader), jar.toString(), plugins);
        }
        LOG.info("Interceptor plugins: {}", plugins.isEmpty() ? "none" : String.join(", ", plugins.keySet()));
        return new PluginCatalog(plugins);
    }

    /** A catalog of exactly these plugins, for tests and embedding. */
    public static PluginCatalog of(InterceptorPlugin... plugins) {
        Map<String, CatalogEntry> byId = new LinkedHashMap<>();
        for (InterceptorPlugin plugin : plugins) {
            byId.put(plugin.id(), new CatalogEntry(plugin, "given"));
        }
        return new PluginCatalog(byId);
    }

    public Optional<CatalogEntry> find(String id) {
        return Optional.ofNullable(plugins.get(id));
    }

    public Collection<CatalogEntry> all() {
        return plugins.values();
    }

    private static void load(ServiceLoader<InterceptorPlugin> loader, String source,
                             Map<String, CatalogEntry> plugins) {
        try {
            for (InterceptorPlugin plugin : loader) {
                CatalogEntry existing = plugins.get(plugin.id());
                if (existing != null) {
                    if (!existing.plugin().getClass().equals(plugin.getClass())) {
                        LOG.error("Ignoring plugin {} ({}) from {}: the id is taken by {} from {}", plugin.id(),
                                plugin.getClass().getName(), source, existing.plugin().getClass().getName(),
                                existing.source());
                    }
                    continue;
                }
                plugins.put(plugin.id(), new CatalogEntry(plugin, source));
            }
        } catch (ServiceConfigurationError e) {
            LOG.error("Cannot load interceptor plugins from {}: {}", source, e.getMessage());
        }
    }

    private static List<Path> jars(Path directory) {
        if (directory == null || !Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list plugins directory " + directory, e);
        }
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(jar.toString(), e);
        }
    }
}
