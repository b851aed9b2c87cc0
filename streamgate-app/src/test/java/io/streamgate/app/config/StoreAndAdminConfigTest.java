package io.streamgate.app.config;

import io.streamgate.admin.security.AdminRole;
import io.streamgate.admin.security.AdminToken;
import io.streamgate.admin.security.AdminUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoreAndAdminConfigTest {

    @TempDir
    Path dir;

    private final Map<String, String> environment = new HashMap<>();
    private final ConfigLayer.Builder flags = ConfigLayer.builder(ConfigSchema.streamgate());
    private Path configFile;

    @Test
    void byDefaultResourcesLiveInAFileNothingIsSeededAndNoCredentialsAreConfigured() {
        StreamgateConfig config = load();

        assertThat(config.store()).isEqualTo(new StreamgateConfig.Store(StreamgateConfig.StoreType.FILE,
                "_streamgate_resources"));
        assertThat(config.resourcesDir()).isEmpty();
        assertThat(config.admin().hasCredentials()).isFalse();
    }

    @Test
    void theStoreAndTheResourcesDirectoryComeFromTheEnvironmentOrTheFile() throws IOException {
        writeConfig("""
                resourcesDir: /etc/streamgate/resources
                store: {type: kafka, topic: _gateway_a_resources}
                """);
        assertThat(load().store()).isEqualTo(new StreamgateConfig.Store(StreamgateConfig.StoreType.KAFKA,
                "_gateway_a_resources"));
        assertThat(load().resourcesDir()).contains(Path.of("/etc/streamgate/resources"));

        environment.put("STREAMGATE_STORE_TYPE", "FILE");
        environment.put("STREAMGATE_RESOURCES_DIR", "");
        assertThat(load().store().type()).isEqualTo(StreamgateConfig.StoreType.FILE);
        assertThat(load().resourcesDir()).isEmpty();
    }

    @Test
    void tokensAreSignedWithAGeneratedKeyAndLiveAtMost30DaysByDefault() {
        StreamgateConfig.Tokens tokens = load().tokens();

        assertThat(tokens.signingKey()).isEmpty();
        assertThat(tokens.maxLifetime()).isEqualTo(java.time.Duration.ofDays(30));
    }

    @Test
    void theTokenSigningKeyComesFromTheEnvironmentAndNeverShowsInErrorsOrToString() throws IOException {
        environment.put("STREAMGATE_TOKENS_SIGNING_KEY", "c2lnbmluZy1rZXktc2lnbmluZy1rZXktc2lnbmluZy1rZXk=");
        environment.put("STREAMGATE_TOKENS_MAX_LIFETIME", "7d");

        StreamgateConfig.Tokens tokens = load().tokens();

        assertThat(tokens.signingKey()).contains("c2lnbmluZy1rZXktc2lnbmluZy1rZXktc2lnbmluZy1rZXk=");
        assertThat(tokens.maxLifetime()).isEqualTo(java.time.Duration.ofDays(7));
        assertThat(tokens.toString()).doesNotContain("c2lnbmluZy1rZXk");

        environment.clear();
        writeConfig("""
                tokens: {signingKey: [not, a, key-s3cret], maxLifetime: 0s}
                """);
        assertThatThrownBy(this::load).isInstanceOf(ConfigException.class)
                .hasMessageContaining("tokens.signingKey: expected a string")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("key-s3cret"));
    }

    @Test
    void anUnknownStoreTypeIsAnErrorNamingTheChoices() {
        environment.put("STREAMGATE_STORE_TYPE", "zookeeper");

        assertThatThrownBy(this::load).isInstanceOf(ConfigException.class)
                .hasMessage("store.type: expected file or kafka, got 'zookeeper' (from environment variable "
                        + "STREAMGATE_STORE_TYPE)");
    }

    @Test
    void tokensAndUsersComeFromTheFileWithSecretsFromTheEnvironment() throws IOException {
        environment.put("CI_TOKEN", "s3cret-ci");
        environment.put("ALICE_PASSWORD", "s3cret-alice");
        writeConfig("""
                admin:
                  tokens:
                    - {name: ci, token: "${CI_TOKEN}", role: admin}
                    - {name: grafana, token: literal-token, role: Viewer}
                  users:
                    - name: alice
                      password: ${ALICE_PASSWORD}
                      role: admin
                """);

        StreamgateConfig.Admin admin = load().admin();

        assertThat(admin.tokens()).containsExactly(new AdminToken("ci", "s3cret-ci", AdminRole.ADMIN),
                new AdminToken("grafana", "literal-token", AdminRole.VIEWER));
        assertThat(admin.users()).containsExactly(new AdminUser("alice", "s3cret-alice", AdminRole.ADMIN));
        assertThat(admin.hasCredentials()).isTrue();
    }

    @Test
    void tokensComeFromTheEnvironmentAsYamlOrJsonText() {
        environment.put("STREAMGATE_ADMIN_TOKENS", "[{name: ci, token: t1, role: admin}]");
        environment.put("STREAMGATE_ADMIN_USERS", "[{\"name\": \"victor\", \"password\": \"p\", \"role\": \"viewer\"}]");

        StreamgateConfig.Admin admin = load().admin();

        assertThat(admin.tokens()).containsExactly(new AdminToken("ci", "t1", AdminRole.ADMIN));
        assertThat(admin.users()).containsExactly(new AdminUser("victor", "p", AdminRole.VIEWER));
    }

    @Test
    void aMalformedCredentialNamesItsPositionAndFieldButNeverTheSecret() throws IOException {
        writeConfig("""
                admin:
                  tokens:
                    - {name: ci, token: very-secret-1, role: admin}
                    - {name: other, token: very-secret-2, role: root}
                  users:
                    - {name: alice, password: very-secret-3}
                """);

        assertThatThrownBy(this::load).isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(e.problems()).containsExactly(
                    "admin.tokens[1].role: expected admin or viewer (from config file " + configFile + ")",
                    "admin.users[0].role: required (from config file " + configFile + ")");
            assertThat(e.getMessage()).doesNotContain("very-secret");
        });
    }

    @Test
    void anUnknownFieldOrMalformedTextIsAnErrorWithoutTheValue() {
        environment.put("STREAMGATE_ADMIN_TOKENS", "[{name: ci, tokn: very-secret, role: admin}]");
        environment.put("STREAMGATE_ADMIN_USERS", "name=alice,password=very-secret");

        assertThatThrownBy(this::load).isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(e.problems()).containsExactly(
                    "admin.tokens[0].tokn: unknown field; expected name, token, role (from environment variable "
                            + "STREAMGATE_ADMIN_TOKENS)",
                    "admin.users: expected a list of {name, password, role} (from environment variable "
                            + "STREAMGATE_ADMIN_USERS)");
            assertThat(e.getMessage()).doesNotContain("very-secret");
        });
    }

    @Test
    void twoCredentialsWithOneNameAreAnError() {
        environment.put("STREAMGATE_ADMIN_TOKENS", "[{name: ci, token: a, role: admin}, {name: ci, token: b, role: "
                + "viewer}]");

        assertThatThrownBy(this::load).isInstanceOf(ConfigException.class)
                .hasMessage("admin: two admin tokens are named ci");
    }

    private StreamgateConfig load() {
        return new ConfigLoader(environment, new ListenerDefaults(() -> "gateway.example.com"))
                .load(Optional.ofNullable(configFile), flags.build());
    }

    private void writeConfig(String yaml) throws IOException {
        configFile = dir.resolve("streamgate.yaml");
        Files.writeString(configFile, yaml);
    }
}
