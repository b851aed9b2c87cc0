package io.streamgate.state;

import java.util.Objects;

/**
 * One change to a store: a resource was created or replaced ({@link Upserted}) or removed ({@link Deleted}).
 * Immutable.
 */
public sealed interface ResourceChange {

    /** The resource that changed. */
    ResourceId id();

    /**
     * A resource was created ({@code before} is null) or replaced.
     *
     * @param before the resource as it was, or null when it was created
     * @param after the resource as it is now
     */
    record Upserted(Resource before, Resource after) implements ResourceChange {
        public Upserted {
            Objects.requireNonNull(after, "after");
            if (before != null && !before.id().equals(after.id())) {
                throw new IllegalArgumentException("before " + before.id() + " and after " + after.id() + " differ");
            }
        }

        public boolean isCreation() {
            return before == null;
        }

        @Override
        public ResourceId id() {
            return after.id();
        }
    }

    /**
     * A resource was deleted.
     *
     * @param before the resource as it was
     */
    record Deleted(Resource before) implements ResourceChange {
        public Deleted {
            Objects.requireNonNull(before, "before");
        }

        @Override
        public ResourceId id() {
            return before.id();
        }
    }
}
