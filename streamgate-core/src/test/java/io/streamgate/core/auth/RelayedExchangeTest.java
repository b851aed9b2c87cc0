package io.streamgate.core.auth;

import org.apache.kafka.common.security.auth.SaslExtensions;
import org.apache.kafka.common.security.oauthbearer.internals.OAuthBearerClientInitialResponse;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RelayedExchangeTest {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsThePlainUserNameOrAuthorizationIdButNotThePassword() {
        RelayedExchange plain = new RelayedExchange("PLAIN", Map.of());
        plain.clientMessage(utf8("\0carol\0carol-password"));
        assertThat(plain.principal()).isEqualTo("carol");

        RelayedExchange withAuthorizationId = new RelayedExchange("PLAIN", Map.of());
        withAuthorizationId.clientMessage(utf8("carol\0carol\0carol-password"));
        assertThat(withAuthorizationId.principal()).isEqualTo("carol");
    }

    @Test
    void readsTheScramUserNameDecodingItsEscapes() {
        RelayedExchange scram = new RelayedExchange("SCRAM-SHA-256", Map.of());
        scram.clientMessage(utf8("n,,n=ops=2Cteam=3D1,r=fyko+d2lbbFgONRv9qkxdawL"));
        assertThat(scram.principal()).isEqualTo("ops,team=1");
    }

    @Test
    void readsTheConfiguredSubjectClaimOfAnUnverifiedJwt() throws Exception {
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                utf8("{\"sub\":\"ignored\",\"client_id\":\"svc-orders\",\"exp\":4102444800}"));
        String token = "eyJhbGciOiJub25lIn0." + payload + ".c2ln";
        RelayedExchange oauth = new RelayedExchange("OAUTHBEARER",
                Map.of("sasl.oauthbearer.sub.claim.name", "client_id"));
        oauth.clientMessage(new OAuthBearerClientInitialResponse(token, new SaslExtensions(Map.of())).toBytes());
        assertThat(oauth.principal()).isEqualTo("svc-orders");
    }

    @Test
    void completesScramOnTheBrokersSecondAnswerAndOAuthBearerWithoutAnErrorChallenge() {
        RelayedExchange scram = new RelayedExchange("SCRAM-SHA-512", Map.of());
        assertThat(scram.completesWith(utf8("r=nonce,s=salt,i=4096"))).isFalse();
        assertThat(scram.completesWith(utf8("v=signature"))).isTrue();

        RelayedExchange refusedToken = new RelayedExchange("OAUTHBEARER", Map.of());
        assertThat(refusedToken.completesWith(utf8("{\"status\":\"invalid_token\"}"))).isFalse();
        assertThat(new RelayedExchange("OAUTHBEARER", Map.of()).completesWith(new byte[0])).isTrue();
    }

    @Test
    void leavesTheNameUnknownWhenTheMessageIsMalformed() {
        RelayedExchange scram = new RelayedExchange("SCRAM-SHA-256", Map.of());
        scram.clientMessage(utf8("garbage"));
        assertThat(scram.principal()).isNull();
    }
}
