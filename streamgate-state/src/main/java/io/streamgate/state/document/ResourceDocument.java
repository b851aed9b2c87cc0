package io.streamgate.state.document;

import io.streamgate.state.Resource;

import java.util.Objects;

/**
 * A resource and where it was read from, e.g. {@code interceptors.yaml, document 2}, for messages about it
 * later (a validator refusing it, say). Immutable.
 */
public record ResourceDocument(Resource resource, String source) {

    public ResourceDocument {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(source, "source");
    }
}
