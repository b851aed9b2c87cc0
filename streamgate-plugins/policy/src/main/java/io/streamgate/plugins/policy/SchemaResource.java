package io.streamgate.plugins.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** A plugin's configuration schema, kept as the resource {@code <id>.schema.json} next to the plugin class. */
public final class SchemaResource {

    private SchemaResource() {
    }

    /** The text of {@code <pluginId>.schema.json} in the package of {@code plugin}. */
    public static String load(Class<?> plugin, String pluginId) {
        String name = pluginId + ".schema.json";
        try (InputStream in = plugin.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " next to " + plugin.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
