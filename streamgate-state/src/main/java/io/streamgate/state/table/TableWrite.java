package io.streamgate.state.table;

import io.streamgate.state.Resource;
import io.streamgate.state.ResourceId;

import java.util.Objects;

/** A write to apply to a {@link ResourceTable}: store a resource, or remove one. Immutable. */
public sealed interface TableWrite {

    ResourceId id();

    /** Store {@code resource} as it is, metadata included, replacing any resource with its identity. */
    record Upsert(Resource resource) implements TableWrite {
        public Upsert {
            Objects.requireNonNull(resource, "resource");
        }

        @Override
        public ResourceId id() {
            return resource.id();
        }
    }

    /** Remove the resource with identity {@code id}, if there is one. */
    record Removal(ResourceId id) implements TableWrite {
        public Removal {
            Objects.requireNonNull(id, "id");
        }
    }
}
