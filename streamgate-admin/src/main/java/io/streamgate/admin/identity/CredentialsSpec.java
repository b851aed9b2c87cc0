package io.streamgate.admin.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamgate.state.InvalidResourceException;
import io.streamgate.state.Resource;
import io.streamgate.state.ResourceId;
import io.streamgate.state.ResourceMetadata;
import org.apache.kafka.common.security.scram.ScramCredential;
import org.apache.kafka.common.security.scram.internals.ScramMechanism;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the gateway holds for a local service account, kept as a resource of kind {@value #KIND} with the account's
 * name, written only by the gateway (the SCRAM and revoke routes of the admin API), never by {@code apply} or seed
 * files:
 *
 * <pre>{@code
 * spec:
 *   scram:
 *     SCRAM-SHA-512: {salt: <base64>, storedKey: <base64>, serverKey: <base64>, iterations: 8192}
 *   tokensNotBefore: 2026-11-27T06:00:00Z   # tokens issued before this instant are refused
 * }</pre>
 *
 * The SCRAM entries are what Kafka's {@code ScramFormatter} derives from a password; the password itself is never
 * stored. Kept apart from the {@code ServiceAccount} resource so that writing the account again (from a file, or
 * {@code get -o yaml | apply}) never drops its credentials nor undoes a revocation.
 *
 * @param scram the SCRAM credential per mechanism
 * @param tokensNotBefore tokens issued before this instant are revoked; empty when none was revoked
 */
public record CredentialsSpec(Map<ScramMechanism, ScramCredential> scram, Optional<Instant> tokensNotBefore) {

    /** The kind of the gateway-held credentials resources. */
    public static final String KIND = "ServiceAccountCredentials";

    /** None held. */
    public static final CredentialsSpec NONE = new CredentialsSpec(Map.of(), Optional.empty());

    public CredentialsSpec {
        EnumMap<ScramMechanism, ScramCredential> copy = new EnumMap<>(ScramMechanism.class);
        copy.putAll(scram);
        scram = Collections.unmodifiableMap(copy);
        Objects.requireNonNull(tokensNotBefore, "tokensNotBefore");
    }

    /** The identity of the credentials resource of {@code account}. */
    public static ResourceId idOf(String account) {
        return new ResourceId(KIND, account, null);
    }

    public CredentialsSpec withScram(ScramMechanism mechanism, ScramCredential credential) {
        Map<ScramMechanism, ScramCredential> changed = new EnumMap<>(ScramMechanism.class);
        changed.putAll(scram);
        changed.put(mechanism, credential);
        return new CredentialsSpec(changed, tokensNotBefore);
    }

    public CredentialsSpec withoutScram(ScramMechanism mechanism) {
        Map<ScramMechanism, ScramCredential> changed = new EnumMap<>(ScramMechanism.class);
        changed.putAll(scram);
        changed.remove(mechanism);
        return new CredentialsSpec(changed, tokensNotBefore);
    }

    public CredentialsSpec withTokensNotBefore(Instant instant) {
        return new CredentialsSpec(scram, Optional.of(instant));
    }

    /** This spec as the resource of {@code account}. */
    public Resource toResource(String account) {
        ObjectNode spec = JsonNodeFactory.instance.objectNode();
        ObjectNode scramNode = spec.putObject("scram");
        Base64.Encoder base64 = Base64.getEncoder();
        scram.forEach((mechanism, credential) -> {
            ObjectNode entry = scramNode.putObject(mechanism.mechanismName());
            entry.put("salt", base64.encodeToString(credential.salt()));
            entry.put("storedKey", base64.encodeToString(credential.storedKey()));
            entry.put("serverKey", base64.encodeToString(credential.serverKey()));
            entry.put("iterations", credential.iterations());
        });
        tokensNotBefore.ifPresent(instant -> spec.put("tokensNotBefore", instant.toString()));
        return new Resource(KIND, ResourceMetadata.of(account), spec);
    }

    /**
     * @throws InvalidResourceException naming the offending field
     */
    public static CredentialsSpec of(Resource resource) {
        ObjectNode spec = resource.spec();
        SpecFields.onlyKnown(spec, KIND, List.of("scram", "tokensNotBefore"));
        Map<ScramMechanism, ScramCredential> scram = new EnumMap<>(ScramMechanism.class);
        JsonNode scramNode = spec.path("scram");
        for (Map.Entry<String, JsonNode> entry : scramNode.properties()) {
            ScramMechanism mechanism = ScramMechanism.forMechanismName(entry.getKey());
            if (mechanism == null) {
                throw new InvalidResourceException("spec.scram." + entry.getKey(), "not a SCRAM mechanism");
            }
            scram.put(mechanism, credential(entry.getValue(), "spec.scram." + entry.getKey()));
        }
        String notBefore = SpecFields.optionalText(spec, "tokensNotBefore");
        try {
            return new CredentialsSpec(scram, Optional.ofNullable(notBefore).map(Instant::parse));
        } catch (DateTimeParseException e) {
            throw new InvalidResourceException("spec.tokensNotBefore", "expected an ISO-8601 instant");
        }
    }

    private static ScramCredential credential(JsonNode node, String field) {
        try {
            Base64.Decoder base64 = Base64.getDecoder();
            int iterations = node.path("iterations").asInt(0);
            if (iterations <= 0) {
                throw new InvalidResourceException(field + ".iterations", "expected a positive number");
            }
            return new ScramCredential(base64.decode(node.path("salt").asText()),
                    base64.decode(node.path("storedKey").asText()), base64.decode(node.path("serverKey").asText()),
                    iterations);
        } catch (IllegalArgumentException e) {
            throw new InvalidResourceException(field, "expected base64 salt, storedKey and serverKey");
        }
    }
}
