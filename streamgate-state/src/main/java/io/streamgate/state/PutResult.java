package io.streamgate.state;

import java.util.Objects;

/**
 * What a {@link ResourceStore#put put} did, and the resource as stored. Immutable.
 *
 * @param outcome whether the resource was created, updated or already stored with the same content
 * @param resource the resource as stored, with its revision, time and author; for {@link Outcome#UNCHANGED},
 *     the resource that was already stored
 */
public record PutResult(Outcome outcome, Resource resource) {

    /** What a put did. */
    public enum Outcome {
        /** The resource did not exist; it now does, at revision 1. */
        CREATED,
        /** The resource existed with another spec or labels; its revision went up by one. */
        UPDATED,
        /** The resource existed with the same spec and labels: nothing was written, no listener was told. */
        UNCHANGED
    }

    public PutResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(resource, "resource");
    }
}
