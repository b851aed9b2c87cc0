package io.streamgate.admin.identity;

import io.streamgate.admin.security.SecretFile;
import io.streamgate.core.auth.GatewayTokens;

import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

/**
 * Where the key that signs gateway tokens comes from: the configuration (base64 of at least 32 bytes), or else a
 * random key generated on first start into {@code <dataDir>/token-signing-key} (permissions 600) and reused after.
 *
 * <p>Instances that share a Kafka resource store must share the key too, through the configuration: a token minted
 * by one is then accepted by all. With a generated key, each instance accepts only the tokens it minted itself.
 */
public final class TokenSigningKey {

    /** The file name, in the data directory. */
    public static final String FILE_NAME = "token-signing-key";

    private TokenSigningKey() {
    }

    /**
     * @param configured the configured key in base64 (standard or URL-safe), or empty
     * @throws IllegalArgumentException when the configured key is not base64 of at least 32 bytes (the message
     *     never contains it)
     * @throws java.io.UncheckedIOException when the key file cannot be read or written
     */
    public static byte[] configuredOrKeptIn(Optional<String> configured, Path dataDir) {
        if (configured.isPresent()) {
            byte[] key = decode(configured.get().trim());
            if (key == null || key.length < GatewayTokens.MIN_KEY_BYTES) {
                throw new IllegalArgumentException("the token signing key must be base64 of at least "
                        + GatewayTokens.MIN_KEY_BYTES + " random bytes (e.g. openssl rand -base64 32)");
            }
            return key;
        }
        SecretFile file = new SecretFile(dataDir.resolve(FILE_NAME), "token signing key");
        Optional<String> kept = file.read();
        if (kept.isPresent()) {
            byte[] key = decode(kept.get());
            if (key == null || key.length < GatewayTokens.MIN_KEY_BYTES) {
                throw new IllegalArgumentException("the token signing key file " + file.file() + " does not hold "
                        + "base64 of at least " + GatewayTokens.MIN_KEY_BYTES + " bytes; delete it to generate a new "
                        + "key (tokens minted with the old one will be refused)");
            }
            file.restrictToOwner();
            return key;
        }
        byte[] key = GatewayTokens.generateKey();
        file.write(Base64.getUrlEncoder().withoutPadding().encodeToString(key));
        return key;
    }

    private static byte[] decode(String text) {
        try {
            return text.indexOf('-') >= 0 || text.indexOf('_') >= 0 ? Base64.getUrlDecoder().decode(text)
                    : Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
