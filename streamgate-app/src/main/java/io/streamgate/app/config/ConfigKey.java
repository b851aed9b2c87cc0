package io.streamgate.app.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One configuration key: a leaf of the configuration model, or an open map such as {@code upstream.properties}. */
public final class ConfigKey {

    private final List<String> path;
    private final ValueType type;
    private final Optional<String> derivedDefault;

    ConfigKey(List<String> path, ValueType type, Optional<String> derivedDefault) {
        this.path = List.copyOf(path);
        this.type = Objects.requireNonNull(type, "type");
        this.derivedDefault = Objects.requireNonNull(derivedDefault, "derivedDefault");
    }

    /** The YAML path, e.g. {@code [upstream, bootstrapServers]}. */
    public List<String> path() {
        return path;
    }

    /** The dotted YAML path, e.g. {@code upstream.bootstrapServers}. */
    public String name() {
        return String.join(".", path);
    }

    /** The environment variable, e.g. {@code STREAMGATE_UPSTREAM_BOOTSTRAP_SERVERS}; for an open map, the prefix of its entries' variables. */
    public String environmentVariable() {
        return EnvironmentNames.of(path);
    }

    /** True for a map whose entries are named by the user. */
    public boolean isOpenMap() {
        return type.isOpenMap();
    }

    /** What a valid value looks like, completing "expected ...". */
    public String expectation() {
        return type.expectation();
    }

    /** How the default is computed when it depends on other keys; empty when {@link ConfigDefaults} has it. */
    public Optional<String> derivedDefault() {
        return derivedDefault;
    }

    ValueType type() {
        return type;
    }

    @Override
    public String toString() {
        return name();
    }
}
