package io.streamgate.core.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * Mints and verifies gateway-signed tokens: the passwords of local service accounts over SASL/PLAIN.
 *
 * <p>A token is {@value #PREFIX}{@code <payload>.<mac>}: the payload is base64url (no padding) of the JSON object
 * {@code {"sub": account, "iat": epochMillis, "exp": epochMillis, "jti": id}} (milliseconds, so that a revocation
 * by issue time separates the tokens minted just before it from those minted just after), the MAC is base64url of
 * HMAC-SHA256 over the prefix and the encoded payload, with the signing key. The prefix makes a token recognisable
 * (in a leaked file, to a secret scanner) and versions the format. Every instance that must accept the tokens of
 * another needs the same key.
 *
 * <p>Verification compares MACs in constant time ({@link MessageDigest#isEqual}) before it reads the payload, so a
 * forged payload is never parsed. Failures are {@link AuthenticationFailedException}s whose reason never contains
 * the token. Immutable and thread-safe; no I/O, so it may be called on event loops.
 */
public final class GatewayTokens {

    /** What every token starts with. */
    public static final String PREFIX = "sgt1.";
    /** The shortest signing key accepted, in bytes: HMAC-SHA256's block-size security needs at least 256 bits. */
    public static final int MIN_KEY_BYTES = 32;

    private static final String ALGORITHM = "HmacSHA256";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final Clock clock;

    /** The claims a valid token carries. */
    public record Claims(String subject, Instant issuedAt, Instant expiresAt, String tokenId) {
        public Claims {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(issuedAt, "issuedAt");
            Objects.requireNonNull(expiresAt, "expiresAt");
            Objects.requireNonNull(tokenId, "tokenId");
        }
    }

    /** A freshly minted token and its claims. {@link #toString()} leaves the token out. */
    public record Minted(String token, Claims claims) {
        @Override
        public String toString() {
            return "Minted[claims=" + claims + "]";
        }
    }

    /**
     * @param key the signing key, at least {@value #MIN_KEY_BYTES} bytes; copied
     * @throws IllegalArgumentException when the key is shorter
     */
    public GatewayTokens(byte[] key) {
        this(key, Clock.systemUTC());
    }

    public GatewayTokens(byte[] key, Clock clock) {
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("a token signing key needs at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A new random signing key of {@value #MIN_KEY_BYTES} bytes. */
    public static byte[] generateKey() {
        byte[] key = new byte[MIN_KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    /**
     * A token for {@code subject}, valid from now for {@code lifetime}.
     *
     * @throws IllegalArgumentException when the lifetime is not positive
     */
    public Minted mint(String subject, Duration lifetime) {
        Objects.requireNonNull(subject, "subject");
        if (lifetime.isZero() || lifetime.isNegative()) {
            throw new IllegalArgumentException("a token's lifetime must be positive");
        }
        Instant now = clock.instant();
        byte[] id = new byte[12];
        RANDOM.nextBytes(id);
        Claims claims = new Claims(subject, Instant.ofEpochMilli(now.toEpochMilli()),
                Instant.ofEpochMilli(now.plus(lifetime).toEpochMilli()), ENCODER.encodeToString(id));
        ObjectNode payload = JSON.createObjectNode();
        payload.put("sub", claims.subject());
        payload.put("iat", claims.issuedAt().toEpochMilli());
        payload.put("exp", claims.expiresAt().toEpochMilli());
        payload.put("jti", claims.tokenId());
        String signed;
        try {
            signed = PREFIX + ENCODER.encodeToString(JSON.writeValueAsBytes(payload));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new Minted(signed + "." + ENCODER.encodeToString(mac(signed)), claims);
    }

    /**
     * The claims of {@code token} when it was signed with this key and has not expired.
     *
     * @throws AuthenticationFailedException {@code malformed token}, {@code bad token signature} or
     *     {@code token expired}; never with the token's text
     */
    public Claims verify(String token) throws AuthenticationFailedException {
        if (token == null || !token.startsWith(PREFIX)) {
            throw new AuthenticationFailedException("malformed token: not a gateway token");
        }
        int dot = token.lastIndexOf('.');
        if (dot <= PREFIX.length()) {
            throw new AuthenticationFailedException("malformed token");
        }
        String signed = token.substring(0, dot);
        byte[] presented;
        try {
            presented = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw new AuthenticationFailedException("malformed token");
        }
        if (!MessageDigest.isEqual(presented, mac(signed))) {
            throw new AuthenticationFailedException("bad token signature");
        }
        Claims claims = claims(signed.substring(PREFIX.length()));
        if (!clock.instant().isBefore(claims.expiresAt())) {
            throw new AuthenticationFailedException("token expired at " + claims.expiresAt());
        }
        return claims;
    }

    private static Claims claims(String encodedPayload) throws AuthenticationFailedException {
        try {
            JsonNode payload = JSON.readTree(DECODER.decode(encodedPayload));
            JsonNode subject = payload.get("sub");
            JsonNode issuedAt = payload.get("iat");
            JsonNode expiresAt = payload.get("exp");
            JsonNode tokenId = payload.get("jti");
            if (subject == null || !subject.isTextual() || issuedAt == null || !issuedAt.canConvertToLong()
                    || expiresAt == null || !expiresAt.canConvertToLong() || tokenId == null || !tokenId.isTextual()) {
                throw new AuthenticationFailedException("malformed token payload");
            }
            return new Claims(subject.textValue(), Instant.ofEpochMilli(issuedAt.longValue()),
                    Instant.ofEpochMilli(expiresAt.longValue()), tokenId.textValue());
        } catch (IOException | IllegalArgumentException e) {
            // Signed with our key, yet unreadable: only a bug or a leaked key produces this.
            throw new AuthenticationFailedException("malformed token payload");
        }
    }

    private byte[] mac(String signed) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has " + ALGORITHM, e);
        }
    }
}
