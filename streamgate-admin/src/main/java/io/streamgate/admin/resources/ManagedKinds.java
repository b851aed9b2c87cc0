package io.streamgate.admin.resources;

import io.streamgate.admin.identity.CredentialsSpec;
import io.streamgate.admin.identity.GroupSpec;
import io.streamgate.admin.identity.IdentityResourceValidator;
import io.streamgate.admin.identity.ServiceAccountSpec;
import io.streamgate.admin.interceptors.InterceptorResourceMapper;
import io.streamgate.admin.interceptors.InterceptorResourceValidator;
import io.streamgate.core.chain.InterceptorRegistry;
import io.streamgate.state.InvalidResourceException;
import io.streamgate.state.Resource;
import io.streamgate.state.ResourceValidator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The resource kinds this gateway manages, each with its validator and the admin API collection that writes it:
 * {@code Interceptor} ({@code /api/v1/interceptors}), {@code ServiceAccount} ({@code /api/v1/service-accounts}),
 * {@code Group} ({@code /api/v1/groups}). As a {@link ResourceValidator} (for seed files) it dispatches on the kind
 * and refuses any other, so that a resource nothing applies is never stored; {@code ServiceAccountCredentials} is
 * refused too: only the gateway writes it. Thread-safe.
 */
public final class ManagedKinds implements ResourceValidator {

    /** The kinds a document may have, with the admin API path of their collection. */
    public static final Map<String, String> COLLECTIONS;

    static {
        Map<String, String> collections = new LinkedHashMap<>();
        collections.put(InterceptorResourceMapper.KIND, "/api/v1/interceptors");
        collections.put(ServiceAccountSpec.KIND, "/api/v1/service-accounts");
        collections.put(GroupSpec.KIND, "/api/v1/groups");
        COLLECTIONS = Collections.unmodifiableMap(collections);
    }

    private final ResourceValidator interceptors;
    private final ResourceValidator identities = new IdentityResourceValidator();

    public ManagedKinds(InterceptorRegistry registry) {
        this.interceptors = new InterceptorResourceValidator(Objects.requireNonNull(registry, "registry"));
    }

    @Override
    public void validate(Resource resource) {
        switch (resource.kind()) {
            case InterceptorResourceMapper.KIND -> interceptors.validate(resource);
            case ServiceAccountSpec.KIND, GroupSpec.KIND, CredentialsSpec.KIND -> identities.validate(resource);
            default -> throw new InvalidResourceException("kind", "unknown kind '" + resource.kind()
                    + "'; this gateway manages " + String.join(", ", COLLECTIONS.keySet()) + " resources");
        }
    }
}
