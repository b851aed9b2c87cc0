package io.streamgate.admin.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenSigningKeyTest {

    @TempDir
    Path dataDir;

    @Test
    void withoutAConfiguredKeyOneIsGeneratedOwnerOnlyAndReused() throws Exception {
        byte[] first = TokenSigningKey.configuredOrKeptIn(Optional.empty(), dataDir);
        byte[] second = TokenSigningKey.configuredOrKeptIn(Optional.empty(), dataDir);

        Path file = dataDir.resolve(TokenSigningKey.FILE_NAME);
        assertThat(first).hasSize(32).isEqualTo(second);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aConfiguredKeyWinsOverTheFile() {
        byte[] configured = new byte[48];
        configured[0] = 7;

        byte[] key = TokenSigningKey.configuredOrKeptIn(
                Optional.of(Base64.getEncoder().encodeToString(configured)), dataDir);

        assertThat(key).isEqualTo(configured);
        assertThat(dataDir.resolve(TokenSigningKey.FILE_NAME)).doesNotExist();
    }

    @Test
    void aShortOrMalformedConfiguredKeyIsRefusedWithoutRepeatingIt() {
        String shortKey = Base64.getEncoder().encodeToString("too-short-a-key".getBytes());

        assertThatThrownBy(() -> TokenSigningKey.configuredOrKeptIn(Optional.of(shortKey), dataDir))
                .hasMessageContaining("at least 32")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(shortKey));
        assertThatThrownBy(() -> TokenSigningKey.configuredOrKeptIn(Optional.of("not base64 !!"), dataDir))
                .hasMessageContaining("base64")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("not base64 !!"));
    }
}
