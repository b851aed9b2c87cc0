package io.streamgate.core.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule;
import org.apache.kafka.common.security.oauthbearer.internals.OAuthBearerClientInitialResponse;
import org.apache.kafka.common.security.plain.internals.PlainSaslServer;
import org.apache.kafka.common.security.scram.internals.ScramFormatter;
import org.apache.kafka.common.security.scram.internals.ScramMechanism;
import org.apache.kafka.common.security.scram.internals.ScramMessages;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * A client's SASL exchange relayed to the broker (delegated authentication), watched for two things only: the name
 * the client claims, read from its first message without keeping any secret, and whether the broker accepted it.
 * The broker alone checks the credentials; for OAUTHBEARER the gateway reads the token's subject claim without
 * verifying it, because the broker verifies it.
 */
final class RelayedExchange {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String mechanism;
    private final String subClaim;
    private String principal;
    private int brokerAnswers;

    RelayedExchange(String mechanism, Map<String, String> oauthBearer) {
        this.mechanism = mechanism;
        this.subClaim = oauthBearer.getOrDefault(SaslConfigs.SASL_OAUTHBEARER_SUB_CLAIM_NAME, "sub");
    }

    String mechanism() {
        return mechanism;
    }

    /** The name the client claimed; null before its first message or if it could not be read. */
    String principal() {
        return principal;
    }

    /** A message from the client, on its way to the broker. */
    void clientMessage(byte[] message) {
        if (principal != null) {
            return;
        }
        try {
            principal = claimedName(message);
        } catch (Exception e) {
            principal = null; // malformed: the broker will refuse it
        }
    }

    /**
     * The broker answered a SaslAuthenticate without error. Whether that completes the exchange depends on the
     * mechanism: PLAIN has one round; SCRAM two (the server-first message, then the server signature); OAUTHBEARER one,
     * unless the broker sent an error challenge (then the client's next message gets an error).
     */
    boolean completesWith(byte[] brokerMessage) {
        brokerAnswers++;
        if (ScramMechanism.isScram(mechanism)) {
            return brokerAnswers >= 2;
        }
        if (OAuthBearerLoginModule.OAUTHBEARER_MECHANISM.equals(mechanism)) {
            return brokerMessage == null || brokerMessage.length == 0;
        }
        return true;
    }

    private String claimedName(byte[] message) throws Exception {
        if (PlainSaslServer.PLAIN_MECHANISM.equals(mechanism)) {
            // authzid NUL authcid NUL password: read up to the second NUL only
            int first = indexOf(message, 0);
            int second = first < 0 ? -1 : indexOf(message, first + 1);
            if (second < 0) {
                return null;
            }
            String authorizationId = new String(message, 0, first, StandardCharsets.UTF_8);
            String username = new String(message, first + 1, second - first - 1, StandardCharsets.UTF_8);
            return authorizationId.isEmpty() ? username : authorizationId;
        }
        if (ScramMechanism.isScram(mechanism)) {
            return ScramFormatter.username(new ScramMessages.ClientFirstMessage(message).saslName());
        }
        if (OAuthBearerLoginModule.OAUTHBEARER_MECHANISM.equals(mechanism)) {
            String token = new OAuthBearerClientInitialResponse(message).tokenValue();
            String[] parts = token.split("\\.");
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            JsonNode subject = claims.get(subClaim);
            return subject == null ? null : subject.asText();
        }
        return null;
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }
}
