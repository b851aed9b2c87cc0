package io.streamgate.admin.security;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * The admin token of a gateway that has no admin credentials configured: a random secret kept in
 * {@code <dataDir>/admin-token}, readable by its owner only (permissions 600), created on first start and reused
 * after. The {@code streamgate} command line on the same machine reads it from there, so that local use needs no
 * set-up while the API is never open to anyone who can reach the port.
 *
 * @param file where the token is kept
 * @param token the token, named {@value #NAME}, role admin
 * @param created whether this start created it
 */
public record LocalAdminToken(Path file, AdminToken token, boolean created) {

    /** The file name, in the data directory. */
    public static final String FILE_NAME = "admin-token";
    /** The token's name: the actor recorded for the changes made with it. */
    public static final String NAME = "local-admin";

    private static final SecureRandom RANDOM = new SecureRandom();

    public LocalAdminToken {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(token, "token");
    }

    /** Where the token of {@code dataDir} is kept. */
    public static Path fileIn(Path dataDir) {
        return dataDir.resolve(FILE_NAME);
    }

    /**
     * The token of {@code dataDir}, created if there is none yet. An existing file readable by others than its
     * owner has its permissions narrowed to 600.
     *
     * @throws UncheckedIOException when the file cannot be read or written
     */
    public static LocalAdminToken loadOrCreate(Path dataDir) {
        Path file = fileIn(dataDir);
        SecretFile secretFile = secretFile(dataDir);
        Optional<String> existing = secretFile.read();
        if (existing.isPresent()) {
            secretFile.restrictToOwner();
            return new LocalAdminToken(file, new AdminToken(NAME, existing.get(), AdminRole.ADMIN), false);
        }
        String secret = generate();
        secretFile.write(secret);
        return new LocalAdminToken(file, new AdminToken(NAME, secret, AdminRole.ADMIN), true);
    }

    /**
     * The token kept in {@code dataDir}, if there is one.
     *
     * @throws UncheckedIOException when the file exists but cannot be read
     */
    public static Optional<String> read(Path dataDir) {
        return secretFile(dataDir).read();
    }

    private static SecretFile secretFile(Path dataDir) {
        return new SecretFile(fileIn(dataDir), "admin token");
    }

    private static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
