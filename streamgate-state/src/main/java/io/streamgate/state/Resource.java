package io.streamgate.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Comparator;
import java.util.Objects;

/**
 * A declarative resource: {@code {kind, metadata, spec}}. The store never looks inside {@code spec}; what a
 * spec of a kind must contain is checked by a {@link ResourceValidator} before it is stored.
 *
 * <p>Immutable and safe to share between threads: the constructor copies the spec, and {@link #spec()}
 * returns a copy, so nobody can change a resource that the store and its listeners hold.
 *
 * @param kind the kind, e.g. {@code Interceptor} (see {@link ResourceId#KIND_PATTERN})
 * @param metadata name, scope, labels and what the store recorded about the last write
 * @param spec the kind-specific content, a JSON object
 */
public record Resource(String kind, ResourceMetadata metadata, ObjectNode spec) {

    /** Numbers are equal when their values are, whether parsed as 100, 100.0 or a long. */
    private static final Comparator<JsonNode> NUMERIC_AWARE = (a, b) -> {
        if (a.equals(b)) {
            return 0;
        }
        if (a.isNumber() && b.isNumber() && isFinite(a) && isFinite(b)) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return 1;
    };

    public Resource {
        if (!ResourceId.isValidKind(kind)) {
            throw new IllegalArgumentException(ResourceId.kindProblem(kind));
        }
        Objects.requireNonNull(metadata, "metadata");
        spec = Objects.requireNonNull(spec, "spec").deepCopy();
    }

    /** A resource as a caller writes it: global, no labels. */
    public static Resource of(String kind, String name, ObjectNode spec) {
        return new Resource(kind, ResourceMetadata.of(name), spec);
    }

    /** A resource with an empty spec. */
    public static Resource of(String kind, String name) {
        return of(kind, name, JsonNodeFactory.instance.objectNode());
    }

    /** A copy of the spec; changing it does not change this resource. */
    @Override
    public ObjectNode spec() {
        return spec.deepCopy();
    }

    public ResourceId id() {
        return new ResourceId(kind, metadata.name(), metadata.scope());
    }

    /**
     * Whether {@code other} says the same thing: same identity, labels and spec, whatever their revisions,
     * times and authors. Numbers in the spec compare by value. Writing a resource with the same content as
     * the stored one changes nothing.
     */
    public boolean hasSameContentAs(Resource other) {
        return other != null
                && id().equals(other.id())
                && metadata.labels().equals(other.metadata.labels())
                && spec.equals(NUMERIC_AWARE, other.spec);
    }

    /** This resource with other metadata. */
    public Resource withMetadata(ResourceMetadata newMetadata) {
        return new Resource(kind, newMetadata, spec);
    }

    private static boolean isFinite(JsonNode number) {
        return !number.isFloatingPointNumber() || Double.isFinite(number.doubleValue());
    }
}
