package io.streamgate.core.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.security.oauthbearer.BrokerJwtValidator;
import org.apache.kafka.common.security.oauthbearer.JwtValidatorException;
import org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule;
import org.apache.kafka.common.security.oauthbearer.OAuthBearerToken;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;

import javax.security.auth.login.AppConfigurationEntry;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates OAUTHBEARER tokens of one listener with Kafka's broker-side {@link BrokerJwtValidator}, configured from
 * the listener's {@code sasl.oauthbearer.*} properties exactly as a broker is (JWKS URL or file, expected issuer and
 * audience, clock skew, sub claim name), and reads the external groups from the configured groups claim.
 *
 * <p>Kafka's {@code OAuthBearerValidatorCallbackHandler} would log the validator's message on failure, and jose4j's
 * messages may contain the token itself: this class calls the validator directly and keeps only a classified reason.
 *
 * <p>Kafka refuses JWKS URLs and files not listed in the {@code org.apache.kafka.sasl.oauthbearer.allowed.urls} /
 * {@code .allowed.files} system properties: the configured one is added to the list (never replacing what an
 * operator set there).
 */
final class OAuthBearerValidation implements AutoCloseable {

    static final String GROUPS_CLAIM_NAME = "sasl.oauthbearer.groups.claim.name";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BrokerJwtValidator validator = new BrokerJwtValidator();
    private final String groupsClaim;

    /** Validated claims: the token and the groups named in its groups claim. */
    record Validated(OAuthBearerToken token, Set<String> groups) {
    }

    OAuthBearerValidation(Map<String, String> properties) {
        Map<String, Object> configs = parse(properties);
        String jwks = (String) configs.get(SaslConfigs.SASL_OAUTHBEARER_JWKS_ENDPOINT_URL);
        if (jwks == null || jwks.isBlank()) {
            throw new IllegalArgumentException("OAUTHBEARER needs " + SaslConfigs.SASL_OAUTHBEARER_JWKS_ENDPOINT_URL
                    + " (an https or file URL of the issuer's keys)");
        }
        OAuthBearerAllowList.permit(jwks);
        groupsClaim = properties.get(GROUPS_CLAIM_NAME);
        // Kafka's validator reads options from the one JAAS entry of the mechanism, as on a broker; none are needed
        validator.configure(configs, OAuthBearerLoginModule.OAUTHBEARER_MECHANISM, List.of(new AppConfigurationEntry(
                OAuthBearerLoginModule.class.getName(), AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, Map.of())));
    }

    /** Checks the token's signature, expiry, issuer and audience. Thread-safe. */
    Validated validate(String token) throws AuthenticationFailedException {
        OAuthBearerToken validated;
        try {
            validated = validator.validate(token);
        } catch (JwtValidatorException e) {
            throw new AuthenticationFailedException(classify(e));
        }
        return new Validated(validated, groups(token));
    }

    private Set<String> groups(String token) {
        if (groupsClaim == null || groupsClaim.isBlank()) {
            return Set.of();
        }
        String[] parts = token.split("\\.");
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            JsonNode claim = claims.get(groupsClaim);
            Set<String> groups = new LinkedHashSet<>();
            if (claim != null && claim.isArray()) {
                claim.forEach(group -> groups.add(group.asText()));
            } else if (claim != null && claim.isTextual()) {
                for (String group : claim.asText().split("[ ,]+")) {
                    if (!group.isEmpty()) {
                        groups.add(group);
                    }
                }
            }
            return groups;
        } catch (Exception e) { // already validated: cannot really happen
            return Set.of();
        }
    }

    /** A reason that names what was wrong without quoting the token. */
    private static String classify(JwtValidatorException e) {
        if (e.getCause() instanceof InvalidJwtException invalid) {
            if (invalid.hasExpired()) {
                return "token expired";
            }
            if (invalid.hasErrorCode(ErrorCodes.SIGNATURE_INVALID) || invalid.hasErrorCode(ErrorCodes.SIGNATURE_MISSING)) {
                return "token signature invalid";
            }
            if (invalid.hasErrorCode(ErrorCodes.ISSUER_INVALID) || invalid.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
                return "token from an unexpected issuer";
            }
            if (invalid.hasErrorCode(ErrorCodes.AUDIENCE_INVALID) || invalid.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
                return "token for another audience";
            }
            if (invalid.hasErrorCode(ErrorCodes.NOT_YET_VALID)) {
                return "token not yet valid";
            }
            return "token rejected";
        }
        return "malformed token";
    }

    private static Map<String, Object> parse(Map<String, String> properties) {
        ConfigDef definitions = new ConfigDef();
        SaslConfigs.addClientSaslSupport(definitions);
        Map<String, String> known = new HashMap<>();
        properties.forEach((key, value) -> {
            if (definitions.configKeys().containsKey(key)) {
                known.put(key, value);
            }
        });
        Map<String, Object> configs = new HashMap<>(definitions.parse(known));
        for (String flag : List.of(SaslConfigs.SASL_OAUTHBEARER_ALLOW_UNVERIFIED_AUDIENCE,
                SaslConfigs.SASL_OAUTHBEARER_ALLOW_UNVERIFIED_ISSUER)) {
            configs.put(flag, Boolean.parseBoolean(properties.getOrDefault(flag, "false")));
        }
        return configs;
    }

    @Override
    public void close() {
        try {
            validator.close();
        } catch (Exception e) {
            // nothing held that matters once the listener is gone
        }
    }
}
