package io.streamgate.admin.resources;

import io.streamgate.admin.identity.CredentialsSpec;
import io.streamgate.admin.identity.GroupSpec;
import io.streamgate.admin.identity.IdentityResourceValidator;
import io.streamgate.admin.identity.ServiceAccountSpec;
import io.streamgate.admin.interceptors.InterceptorResourceMapper;
import io.streamgate.admin.interceptors.InterceptorResourceValidator;
import io.streamgate.admin.vcluster.AclBindingSpec;
import io.streamgate.admin.vcluster.AliasTopicSpec;
import io.streamgate.admin.vcluster.VirtualClusterResourceValidator;
import io.streamgate.admin.vcluster.VirtualClusterRules;
import io.streamgate.admin.vcluster.VirtualClusterSpec;
import io.streamgate.core.chain.InterceptorRegistry;
import io.streamgate.state.InvalidResourceException;
import io.streamgate.state.Resource;
import io.streamgate.state.ResourceId;
import io.streamgate.state.ResourceValidator;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The resource kinds this gateway manages, each with its validator and the admin API route that writes it:
 * {@code Interceptor} ({@code PUT /api/v1/interceptors}), {@code ServiceAccount}
 * ({@code PUT /api/v1/service-accounts}), {@code Group} ({@code PUT /api/v1/groups}), {@code VirtualCluster}
 * ({@code PUT /api/v1/virtual-clusters/{name}}),
 * {@code AliasTopic} and {@code AclBinding} (under their virtual cluster). As a {@link ResourceValidator} (for seed
 * files and the admin API) it dispatches on the kind and refuses any other, so that a resource nothing applies is
 * never stored; {@code ServiceAccountCredentials} is refused too: only the gateway writes it. Thread-safe.
 */
public final class ManagedKinds implements ResourceValidator {

    /** The kinds a document may have, with the admin API path it is PUT to ({name}: its name). */
    public static final Map<String, String> COLLECTIONS;

    private static final String VIRTUAL_CLUSTERS = "/api/v1/virtual-clusters";

    static {
        Map<String, String> collections = new LinkedHashMap<>();
        collections.put(InterceptorResourceMapper.KIND, "/api/v1/interceptors");
        collections.put(ServiceAccountSpec.KIND, "/api/v1/service-accounts");
        collections.put(GroupSpec.KIND, "/api/v1/groups");
        collections.put(VirtualClusterSpec.KIND, VIRTUAL_CLUSTERS + "/{name}");
        collections.put(AliasTopicSpec.KIND, VIRTUAL_CLUSTERS + "/{virtualCluster}/alias-topics/{name}");
        collections.put(AclBindingSpec.KIND, VIRTUAL_CLUSTERS + "/{virtualCluster}/acls/{name}");
        COLLECTIONS = Collections.unmodifiableMap(collections);
    }

    private final ResourceValidator interceptors;
    private final ResourceValidator identities = new IdentityResourceValidator();
    private final ResourceValidator virtualClusters = new VirtualClusterResourceValidator();

    public ManagedKinds(InterceptorRegistry registry) {
        this.interceptors = new InterceptorResourceValidator(Objects.requireNonNull(registry, "registry"));
    }

    /**
     * The admin API path {@code resource} is PUT to, e.g. {@code /api/v1/virtual-clusters/payments/alias-topics/rates}.
     *
     * @throws InvalidResourceException for a kind this gateway does not manage, or a resource of a virtual cluster
     *     whose scope names none
     */
    public static String putPath(Resource resource) {
        String template = COLLECTIONS.get(resource.kind());
        if (template == null) {
            throw unknownKind(resource);
        }
        String path = template.replace("{name}", segment(resource.metadata().name()));
        if (!path.contains("{virtualCluster}")) {
            return path;
        }
        String virtualCluster = resource.metadata().scope().virtualCluster();
        if (virtualCluster == null) {
            throw new InvalidResourceException("metadata.scope", resource.kind() + " resources belong to a virtual "
                    + "cluster: set metadata.scope.virtualCluster");
        }
        return path.replace("{virtualCluster}", segment(virtualCluster));
    }

    @Override
    public void validate(Resource resource) {
        validatorOf(resource).validate(resource);
    }

    @Override
    public void validate(Resource resource, Map<ResourceId, Resource> planned) {
        validatorOf(resource).validate(resource, planned);
        if (resource.kind().equals(ServiceAccountSpec.KIND)) {
            VirtualClusterRules.checkServiceAccount(ServiceAccountSpec.of(resource), planned);
        }
    }

    private ResourceValidator validatorOf(Resource resource) {
        return switch (resource.kind()) {
            case InterceptorResourceMapper.KIND -> interceptors;
            case ServiceAccountSpec.KIND, GroupSpec.KIND, CredentialsSpec.KIND -> identities;
            case VirtualClusterSpec.KIND, AliasTopicSpec.KIND, AclBindingSpec.KIND -> virtualClusters;
            default -> throw unknownKind(resource);
        };
    }

    private static InvalidResourceException unknownKind(Resource resource) {
        return new InvalidResourceException("kind", "unknown kind '" + resource.kind() + "'; this gateway manages "
                + String.join(", ", COLLECTIONS.keySet()) + " resources");
    }

    private static String segment(String name) {
        // Names are letters, digits, '.', '_' and '-': nothing to escape, but a path segment is never trusted blind.
        return URLEncoder.encode(name, StandardCharsets.UTF_8);
    }
}
