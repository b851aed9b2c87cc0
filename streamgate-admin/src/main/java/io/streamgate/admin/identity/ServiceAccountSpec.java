package io.streamgate.admin.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamgate.state.InvalidResourceException;
import io.streamgate.state.Resource;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code spec} of a {@code ServiceAccount} resource:
 *
 * <pre>{@code
 * kind: ServiceAccount
 * metadata: {name: orders-app}
 * spec:
 *   type: LOCAL                  # LOCAL: authenticates with a gateway token (SASL/PLAIN) or SCRAM credentials
 * ---
 * kind: ServiceAccount
 * metadata: {name: billing}
 * spec:
 *   type: EXTERNAL               # EXTERNAL: stands for an identity proven elsewhere
 *   principal: CN=billing,O=acme # a JWT subject, a mapped certificate principal, a principal Kafka accepted
 *   virtualCluster: payments     # optional, either type: the account's connections land in this virtual cluster
 * }</pre>
 *
 * Service accounts are global: {@code metadata.scope} must be empty. The credentials of a local account are not
 * part of its spec (so that writing the account again, or seeding it from a file, never drops them): the gateway
 * keeps them in a {@link CredentialsSpec} resource of its own.
 *
 * @param type LOCAL or EXTERNAL
 * @param principal the external principal; empty for a local account
 * @param virtualCluster the virtual cluster the account's connections land in; empty for none (the passthrough
 *     cluster). That it exists is checked across resources, with the virtual clusters.
 */
public record ServiceAccountSpec(Type type, Optional<String> principal, Optional<String> virtualCluster) {

    /** The kind of service account resources. */
    public static final String KIND = "ServiceAccount";
    static final List<String> FIELDS = List.of("type", "principal", "virtualCluster");

    /** Where a service account's identity is proven. */
    public enum Type {
        /** By the gateway: a token it signed, or SCRAM credentials it holds. */
        LOCAL,
        /** Elsewhere (a JWT issuer, a certificate authority, Kafka); the account maps that principal. */
        EXTERNAL
    }

    public ServiceAccountSpec {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(virtualCluster, "virtualCluster");
    }

    public boolean isLocal() {
        return type == Type.LOCAL;
    }

    /**
     * @throws InvalidResourceException naming the offending field
     */
    public static ServiceAccountSpec of(Resource resource) {
        if (!resource.metadata().scope().isGlobal()) {
            throw new InvalidResourceException("metadata.scope", "service accounts are global: leave the scope out");
        }
        ObjectNode spec = resource.spec();
        SpecFields.onlyKnown(spec, KIND, FIELDS);
        String typeText = SpecFields.optionalText(spec, "type");
        if (typeText == null) {
            throw new InvalidResourceException("spec.type", "required: LOCAL or EXTERNAL");
        }
        Type type;
        try {
            type = Type.valueOf(typeText.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidResourceException("spec.type", "expected LOCAL or EXTERNAL, not '" + typeText + "'");
        }
        String principal = SpecFields.optionalText(spec, "principal");
        if (type == Type.EXTERNAL && principal == null) {
            throw new InvalidResourceException("spec.principal", "required for an EXTERNAL account: the principal "
                    + "name it stands for (a JWT subject, a mapped certificate principal, ...)");
        }
        if (type == Type.LOCAL && principal != null) {
            throw new InvalidResourceException("spec.principal", "only an EXTERNAL account has a principal; a LOCAL "
                    + "account's principal is its name");
        }
        return new ServiceAccountSpec(type, Optional.ofNullable(principal),
                Optional.ofNullable(SpecFields.optionalText(spec, "virtualCluster")));
    }
}
