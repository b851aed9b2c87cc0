package io.streamgate.app.client;

/** How {@code get} and {@code resolve} print what they read. */
public enum OutputFormat {
    /** Aligned columns, for people. */
    TABLE,
    /** Indented JSON. */
    JSON,
    /** YAML; resources as documents that {@code streamgate apply -f} takes back. */
    YAML
}
