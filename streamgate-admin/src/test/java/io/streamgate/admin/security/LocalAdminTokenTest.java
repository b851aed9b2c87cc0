package io.streamgate.admin.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

class LocalAdminTokenTest {

    @TempDir
    Path dataDir;

    @Test
    void isCreatedOnFirstStartReadableByItsOwnerOnly() throws Exception {
        LocalAdminToken token = LocalAdminToken.loadOrCreate(dataDir.resolve("not-yet"));

        assertThat(token.created()).isTrue();
        assertThat(token.file()).isEqualTo(dataDir.resolve("not-yet/admin-token"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(token.file()))).isEqualTo("rw-------");
        assertThat(token.token().token()).hasSizeGreaterThanOrEqualTo(43).matches("[A-Za-z0-9_-]+");
        assertThat(token.token().name()).isEqualTo("local-admin");
        assertThat(token.token().role()).isEqualTo(AdminRole.ADMIN);
        assertThat(Files.readString(token.file()).trim()).isEqualTo(token.token().token());
    }

    @Test
    void isReusedOnLaterStartsAndReadByTheCommandLine() {
        LocalAdminToken first = LocalAdminToken.loadOrCreate(dataDir);

        LocalAdminToken second = LocalAdminToken.loadOrCreate(dataDir);

        assertThat(second.created()).isFalse();
        assertThat(second.token().token()).isEqualTo(first.token().token());
        assertThat(LocalAdminToken.read(dataDir)).contains(first.token().token());
    }

    @Test
    void anExistingFileReadableByOthersIsNarrowedToItsOwner() throws Exception {
        Path file = dataDir.resolve("admin-token");
        Files.writeString(file, "my-token\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        LocalAdminToken token = LocalAdminToken.loadOrCreate(dataDir);

        assertThat(token.token().token()).isEqualTo("my-token");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void thereIsNoTokenToReadBeforeTheFirstStart() {
        assertThat(LocalAdminToken.read(dataDir)).isEmpty();
    }
}
