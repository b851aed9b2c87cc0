package io.streamgate.admin.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
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
        Optional<String> existing = read(dataDir);
        if (existing.isPresent()) {
            restrictToOwner(file);
            return new LocalAdminToken(file, new AdminToken(NAME, existing.get(), AdminRole.ADMIN), false);
        }
        String secret = generate();
        write(file, secret);
        return new LocalAdminToken(file, new AdminToken(NAME, secret, AdminRole.ADMIN), true);
    }

    /**
     * The token kept in {@code dataDir}, if there is one.
     *
     * @throws UncheckedIOException when the file exists but cannot be read
     */
    public static Optional<String> read(Path dataDir) {
        Path file = fileIn(dataDir);
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).trim();
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the admin token file " + file + ": " + e.getMessage(), e);
        }
    }

    private static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Written to a temporary file created owner-only, then moved into place: never readable by others. */
    private static void write(Path file, String secret) {
        Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(temporary);
            if (supportsPosix(file.toAbsolutePath().getParent())) {
                Files.createFile(temporary, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(temporary);
            }
            Files.writeString(temporary, secret + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (FileAlreadyExistsException e) {
            throw new UncheckedIOException("cannot create the admin token file " + file + ": " + temporary
                    + " exists", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the admin token file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void restrictToOwner(Path file) {
        try {
            PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            if (view != null && !view.readAttributes().permissions().equals(OWNER_ONLY)) {
                view.setPermissions(OWNER_ONLY);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restrict the permissions of " + file + " to its owner: "
                    + e.getMessage(), e);
        }
    }

    private static boolean supportsPosix(Path directory) {
        return Files.getFileAttributeView(directory, PosixFileAttributeView.class) != null;
    }
}
