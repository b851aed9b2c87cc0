package io.streamgate.core.auth;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GatewayTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");
    private static final byte[] KEY = GatewayTokens.generateKey();

    private final GatewayTokens tokens = new GatewayTokens(KEY, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aMintedTokenVerifiesToItsClaims() throws AuthenticationFailedException {
        GatewayTokens.Minted minted = tokens.mint("orders-app", Duration.ofHours(24));

        GatewayTokens.Claims claims = tokens.verify(minted.token());

        assertThat(minted.token()).startsWith(GatewayTokens.PREFIX);
        assertThat(claims).isEqualTo(minted.claims());
        assertThat(claims.subject()).isEqualTo("orders-app");
        assertThat(claims.issuedAt()).isEqualTo(NOW);
        assertThat(claims.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(24)));
        assertThat(minted.toString()).doesNotContain(minted.token());
    }

    @Test
    void everyTokenHasItsOwnId() {
        assertThat(tokens.mint("a", Duration.ofMinutes(1)).claims().tokenId())
                .isNotEqualTo(tokens.mint("a", Duration.ofMinutes(1)).claims().tokenId());
    }

    @Test
    void anExpiredTokenIsRefusedWithoutItsText() {
        String token = tokens.mint("orders-app", Duration.ofMinutes(5)).token();
        GatewayTokens later = new GatewayTokens(KEY, Clock.fixed(NOW.plus(Duration.ofMinutes(5)), ZoneOffset.UTC));

        assertThatThrownBy(() -> later.verify(token))
                .isInstanceOf(AuthenticationFailedException.class)
                .hasMessageStartingWith("token expired")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(token));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        String token = new GatewayTokens(GatewayTokens.generateKey(), Clock.fixed(NOW, ZoneOffset.UTC))
                .mint("orders-app", Duration.ofHours(1)).token();

        assertThatThrownBy(() -> tokens.verify(token)).hasMessage("bad token signature");
    }

    @Test
    void aPayloadChangedToAnotherSubjectOrALongerLifeIsRefused() {
        String token = tokens.mint("orders-app", Duration.ofHours(1)).token();
        String[] parts = token.substring(GatewayTokens.PREFIX.length()).split("\\.");
        String forgedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"sub\":\"admin\",\"iat\":" + NOW.getEpochSecond() + ",\"exp\":" + (NOW.getEpochSecond() + 1_000_000)
                        + ",\"jti\":\"x\"}").getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> tokens.verify(GatewayTokens.PREFIX + forgedPayload + "." + parts[1]))
                .hasMessage("bad token signature");
    }

    @Test
    void malformedTokensAreRefusedAsSuch() {
        assertThatThrownBy(() -> tokens.verify("password123")).hasMessageStartingWith("malformed token");
        assertThatThrownBy(() -> tokens.verify(GatewayTokens.PREFIX)).hasMessageStartingWith("malformed token");
        assertThatThrownBy(() -> tokens.verify(GatewayTokens.PREFIX + "abc.%%%")).hasMessageStartingWith("malformed token");
        assertThatThrownBy(() -> tokens.verify(null)).hasMessageStartingWith("malformed token");
    }

    @Test
    void keysShorterThan256BitsAndNonPositiveLifetimesAreRefused() {
        assertThatThrownBy(() -> new GatewayTokens(new byte[16])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tokens.mint("a", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
