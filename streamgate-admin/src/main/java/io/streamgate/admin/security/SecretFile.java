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
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A secret the gateway generates once and keeps in its data directory (the admin token, the token signing key): one
 * line of text in a file readable by its owner only (permissions 600). Error messages name the file, never the
 * secret.
 *
 * @param file where the secret is kept
 * @param what what the secret is, for error messages ({@code admin token})
 */
public record SecretFile(Path file, String what) {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    public SecretFile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(what, "what");
    }

    /**
     * The secret, if the file exists and is not empty.
     *
     * @throws UncheckedIOException when the file exists but cannot be read
     */
    public Optional<String> read() {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).trim();
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + what + " file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Written to a temporary file created owner-only, then moved into place: never readable by others. */
    public void write(String secret) {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
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
            throw new UncheckedIOException("cannot create the " + what + " file " + file + ": " + temporary
                    + " exists", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the " + what + " file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Narrows the file's permissions to 600 when others may read it. */
    public void restrictToOwner() {
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
