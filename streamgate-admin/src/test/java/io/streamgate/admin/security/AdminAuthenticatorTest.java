package io.streamgate.admin.security;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdminAuthenticatorTest {

    private final AdminAuthenticator authenticator = new AdminAuthenticator(
            List.of(new AdminToken("ci", "t0ken-ci", AdminRole.ADMIN), new AdminToken("grafana", "t0ken-g", AdminRole.VIEWER)),
            List.of(new AdminUser("alice", "pa:ss", AdminRole.ADMIN), new AdminUser("victor", "v", AdminRole.VIEWER)));

    @Test
    void aBearerTokenIdentifiesItsHolderAndRole() {
        assertThat(authenticator.authenticate("Bearer t0ken-ci")).contains(new AdminIdentity("ci", AdminRole.ADMIN));
        assertThat(authenticator.authenticate("bearer   t0ken-g ")).contains(new AdminIdentity("grafana",
                AdminRole.VIEWER));
    }

    @Test
    void basicCredentialsIdentifyTheUserAndAPasswordMayContainAColon() {
        assertThat(authenticator.authenticate(basic("alice", "pa:ss"))).contains(new AdminIdentity("alice",
                AdminRole.ADMIN));
        assertThat(authenticator.authenticate(basic("victor", "v"))).contains(new AdminIdentity("victor",
                AdminRole.VIEWER));
    }

    @Test
    void anythingElseIdentifiesNobody() {
        assertThat(authenticator.authenticate(null)).isEmpty();
        assertThat(authenticator.authenticate("")).isEmpty();
        assertThat(authenticator.authenticate("Bearer")).isEmpty();
        assertThat(authenticator.authenticate("Bearer t0ken-c")).isEmpty();
        assertThat(authenticator.authenticate("Bearer t0ken-ci-and-more")).isEmpty();
        assertThat(authenticator.authenticate("Token t0ken-ci")).isEmpty();
        assertThat(authenticator.authenticate(basic("alice", "wrong"))).isEmpty();
        assertThat(authenticator.authenticate(basic("mallory", "pa:ss"))).isEmpty();
        assertThat(authenticator.authenticate("Basic not-base64!")).isEmpty();
        assertThat(authenticator.authenticate("Basic " + Base64.getEncoder().encodeToString("no-colon".getBytes(
                StandardCharsets.UTF_8)))).isEmpty();
        assertThat(authenticator.authenticate(basic("ci", "t0ken-ci"))).as("a token is not a password").isEmpty();
    }

    @Test
    void basicIsOfferedOnlyWhenUsersAreConfigured() {
        assertThat(authenticator.acceptsBasic()).isTrue();
        assertThat(new AdminAuthenticator(List.of(new AdminToken("ci", "x", AdminRole.ADMIN)), List.of())
                .acceptsBasic()).isFalse();
    }

    @Test
    void refusesDuplicateNamesAndSharedSecrets() {
        assertThatThrownBy(() -> new AdminAuthenticator(List.of(new AdminToken("ci", "a", AdminRole.ADMIN),
                new AdminToken("ci", "b", AdminRole.VIEWER)), List.of()))
                .hasMessage("two admin tokens are named ci");
        assertThatThrownBy(() -> new AdminAuthenticator(List.of(new AdminToken("ci", "a", AdminRole.ADMIN),
                new AdminToken("cd", "a", AdminRole.VIEWER)), List.of()))
                .hasMessageContaining("have the same secret");
        assertThatThrownBy(() -> new AdminAuthenticator(List.of(), List.of(new AdminUser("a", "x", AdminRole.ADMIN),
                new AdminUser("a", "y", AdminRole.ADMIN))))
                .hasMessage("two admin users are named a");
    }

    @Test
    void credentialsNeverShowTheirSecretsInText() {
        assertThat(new AdminToken("ci", "s3cr3t", AdminRole.ADMIN).toString()).doesNotContain("s3cr3t")
                .isEqualTo("AdminToken[name=ci, role=admin]");
        assertThat(new AdminUser("alice", "s3cr3t", AdminRole.VIEWER).toString()).doesNotContain("s3cr3t");
    }

    @Test
    void rolesParseFromTheirConfigurationNames() {
        assertThat(AdminRole.parse("admin")).isEqualTo(AdminRole.ADMIN);
        assertThat(AdminRole.parse(" Viewer ")).isEqualTo(AdminRole.VIEWER);
        assertThatThrownBy(() -> AdminRole.parse("root")).hasMessage("unknown role 'root'; expected one of admin, viewer");
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
