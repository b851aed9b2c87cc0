package io.streamgate.state;

import io.streamgate.api.Scope;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A resource's metadata. The caller sets {@code name}, {@code scope} and {@code labels}; the store sets
 * {@code revision}, {@code updatedAt} and {@code updatedBy} on every write and ignores what a caller passes
 * for them. Immutable.
 *
 * @param name the resource's name (see {@link ResourceId#NAME_PATTERN})
 * @param scope whom the resource applies to; null means {@link Scope#GLOBAL}
 * @param labels free-form labels, e.g. {@code team=platform}; null means none. Kept sorted by key.
 * @param revision 1 when the resource was created, one more on every change; 0 for a resource never stored
 * @param updatedAt when the store last wrote the resource, or null for a resource never stored
 * @param updatedBy who last wrote it (an admin user, {@code seed:interceptors.yaml}, ...), or null
 */
public record ResourceMetadata(String name, Scope scope, Map<String, String> labels, long revision,
                               Instant updatedAt, String updatedBy) {

    public ResourceMetadata {
        if (!ResourceId.isValidName(name)) {
            throw new IllegalArgumentException(ResourceId.nameProblem(name));
        }
        scope = scope == null ? Scope.GLOBAL : scope;
        labels = labels == null || labels.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(labels));
        labels.forEach((key, value) -> {
            if (value == null) {
                throw new IllegalArgumentException("label " + key + " has no value");
            }
        });
        if (revision < 0) {
            throw new IllegalArgumentException("revision " + revision + " is negative");
        }
    }

    /** Metadata as a caller writes it: no revision, time or author yet. */
    public static ResourceMetadata of(String name, Scope scope, Map<String, String> labels) {
        return new ResourceMetadata(name, scope, labels, 0, null, null);
    }

    /** Metadata for a global resource without labels. */
    public static ResourceMetadata of(String name) {
        return of(name, Scope.GLOBAL, Map.of());
    }

    /** The same name, scope and labels with what the store records about a write. */
    public ResourceMetadata stored(long newRevision, Instant at, String by) {
        return new ResourceMetadata(name, scope, labels, newRevision, at, by);
    }
}
