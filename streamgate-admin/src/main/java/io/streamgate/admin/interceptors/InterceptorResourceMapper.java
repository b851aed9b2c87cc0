package io.streamgate.admin.interceptors;

import io.streamgate.core.chain.InterceptorDefinition;
import io.streamgate.state.InvalidResourceException;
import io.streamgate.state.Resource;
import io.streamgate.state.ResourceId;
import io.streamgate.state.ResourceMetadata;

import java.util.Map;

/**
 * Turns {@code Interceptor} resources into the registry's {@link InterceptorDefinition}s and back: the resource's
 * name and scope ({@code metadata.scope}) become the definition's, its {@link InterceptorSpec} the rest. Stateless.
 */
public final class InterceptorResourceMapper {

    /** The kind of interceptor resources. */
    public static final String KIND = "Interceptor";

    private InterceptorResourceMapper() {
    }

    /** Whether {@code id} names an interceptor resource. */
    public static boolean isInterceptor(ResourceId id) {
        return KIND.equals(id.kind());
    }

    /**
     * @throws InvalidResourceException naming the offending field when the resource is not an interceptor or its
     *     spec is malformed (see {@link InterceptorSpec#read})
     */
    public static InterceptorDefinition toDefinition(Resource resource) {
        if (!KIND.equals(resource.kind())) {
            throw new InvalidResourceException("kind", "expected " + KIND + ", not " + resource.kind());
        }
        InterceptorSpec spec = InterceptorSpec.read(resource.spec());
        return new InterceptorDefinition(resource.metadata().name(), spec.plugin(), spec.priority(),
                resource.metadata().scope(), spec.config(), spec.timeout());
    }

    /** The resource that declares {@code definition}, without labels or store metadata. */
    public static Resource toResource(InterceptorDefinition definition) {
        InterceptorSpec spec = new InterceptorSpec(definition.pluginId(), definition.priority(), definition.config(),
                definition.timeout());
        return new Resource(KIND, ResourceMetadata.of(definition.name(), definition.scope(), Map.of()), spec.toNode());
    }
}
