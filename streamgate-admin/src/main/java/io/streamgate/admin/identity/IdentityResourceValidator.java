package io.streamgate.admin.identity;

import io.streamgate.state.InvalidResourceException;
import io.streamgate.state.Resource;
import io.streamgate.state.ResourceValidator;

/**
 * Accepts {@code ServiceAccount} and {@code Group} resources whose spec reads ({@link ServiceAccountSpec#of},
 * {@link GroupSpec#of}); refuses {@code ServiceAccountCredentials}, which only the gateway writes, and any other
 * kind. Stateless and thread-safe.
 */
public final class IdentityResourceValidator implements ResourceValidator {

    @Override
    public void validate(Resource resource) {
        switch (resource.kind()) {
            case ServiceAccountSpec.KIND -> ServiceAccountSpec.of(resource);
            case GroupSpec.KIND -> GroupSpec.of(resource);
            case CredentialsSpec.KIND -> throw new InvalidResourceException("kind", CredentialsSpec.KIND
                    + " resources are written by the gateway only: set SCRAM credentials with PUT "
                    + "/api/v1/service-accounts/{name}/scram-credentials");
            default -> throw new InvalidResourceException("kind", "expected " + ServiceAccountSpec.KIND + " or "
                    + GroupSpec.KIND + ", not " + resource.kind());
        }
    }
}
