package io.streamgate.admin.vcluster;

import io.streamgate.state.InvalidResourceException;
import io.streamgate.state.Resource;
import io.streamgate.state.ResourceId;
import io.streamgate.state.ResourceValidator;

import java.util.Map;

/**
 * Accepts {@code VirtualCluster}, {@code AliasTopic} and {@code AclBinding} resources whose spec reads
 * ({@link VirtualClusterSpec#of}, {@link AliasTopicSpec#of}, {@link AclBindingSpec#of}) and, among the resources
 * they are stored with, keep tenants apart ({@link VirtualClusterRules}); refuses any other kind. Stateless and
 * thread-safe.
 */
public final class VirtualClusterResourceValidator implements ResourceValidator {

    @Override
    public void validate(Resource resource) {
        switch (resource.kind()) {
            case VirtualClusterSpec.KIND -> VirtualClusterSpec.of(resource);
            case AliasTopicSpec.KIND -> AliasTopicSpec.of(resource);
            case AclBindingSpec.KIND -> AclBindingSpec.of(resource);
            default -> throw unknownKind(resource);
        }
    }

    @Override
    public void validate(Resource resource, Map<ResourceId, Resource> planned) {
        switch (resource.kind()) {
            case VirtualClusterSpec.KIND ->
                    VirtualClusterRules.checkVirtualCluster(resource, VirtualClusterSpec.of(resource), planned);
            case AliasTopicSpec.KIND -> VirtualClusterRules.checkAlias(resource, AliasTopicSpec.of(resource), planned);
            case AclBindingSpec.KIND ->
                    VirtualClusterRules.checkAclBinding(resource, AclBindingSpec.of(resource), planned);
            default -> throw unknownKind(resource);
        }
    }

    private static InvalidResourceException unknownKind(Resource resource) {
        return new InvalidResourceException("kind", "expected " + VirtualClusterSpec.KIND + ", "
                + AliasTopicSpec.KIND + " or " + AclBindingSpec.KIND + ", not " + resource.kind());
    }
}
