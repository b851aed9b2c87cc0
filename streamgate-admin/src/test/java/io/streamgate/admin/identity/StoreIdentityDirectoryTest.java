package io.streamgate.admin.identity;

import io.streamgate.core.auth.AuthenticationFailedException;
import io.streamgate.core.auth.GatewayTokens;
import io.streamgate.core.auth.Identity;
import io.streamgate.state.Resource;
import io.streamgate.state.ResourceId;
import io.streamgate.state.document.ResourceDocuments;
import io.streamgate.state.file.FileResourceStore;
import org.apache.kafka.common.security.scram.ScramCredential;
import org.apache.kafka.common.security.scram.internals.ScramFormatter;
import org.apache.kafka.common.security.scram.internals.ScramMechanism;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class StoreIdentityDirectoryTest {

    private static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");

    @TempDir
    Path dataDir;

    private static final byte[] KEY = GatewayTokens.generateKey();

    private final GatewayTokens tokens = tokensAt(NOW);
    private FileResourceStore store;
    private StoreIdentityDirectory directory;

    @BeforeEach
    void start() {
        store = new FileResourceStore(dataDir);
        put("""
                {"kind": "ServiceAccount", "metadata": {"name": "orders-app"}, "spec": {"type": "LOCAL"}}""");
        put("""
                {"kind": "ServiceAccount", "metadata": {"name": "billing"},
                 "spec": {"type": "EXTERNAL", "principal": "CN=billing,O=acme"}}""");
        put("""
                {"kind": "Group", "metadata": {"name": "payments"},
                 "spec": {"members": ["orders-app", "billing"], "externalGroups": ["payments-team"]}}""");
        put("""
                {"kind": "Group", "metadata": {"name": "auditors"}, "spec": {"members": ["CN=auditor"]}}""");
        directory = new StoreIdentityDirectory(store, tokens).start();
    }

    @AfterEach
    void stop() {
        directory.close();
        store.close();
    }

    @Test
    void aLocalAccountAuthenticatesWithItsTokenAndGetsItsGroups() throws AuthenticationFailedException {
        String token = tokens.mint("orders-app", Duration.ofHours(1)).token();

        Identity identity = directory.authenticatePlain("orders-app", token);

        assertThat(identity).isEqualTo(new Identity("orders-app", Optional.of("orders-app"), Set.of("payments")));
    }

    @Test
    void aTokenOfAnotherAccountAnUnknownAccountAnExternalOneOrAPasswordAreRefusedWithoutTheSecret() {
        String ordersToken = tokens.mint("orders-app", Duration.ofHours(1)).token();

        assertRefused("someone-else", ordersToken, "the token was issued to another service account");
        assertRefused("ghost", tokens.mint("ghost", Duration.ofHours(1)).token(), "unknown service account");
        assertRefused("billing", tokens.mint("billing", Duration.ofHours(1)).token(),
                "service account billing is EXTERNAL: it cannot authenticate with a gateway token");
        assertRefused("orders-app", "hunter2", "malformed token: not a gateway token");
    }

    @Test
    void anExpiredTokenIsRefused() {
        GatewayTokens earlier = tokensAt(NOW.minus(Duration.ofHours(2)));

        assertRefused("orders-app", earlier.mint("orders-app", Duration.ofHours(1)).token(), "token expired at");
    }

    @Test
    void tokensIssuedBeforeARevocationAreRefusedAndLaterOnesAccepted() throws AuthenticationFailedException {
        String before = tokens.mint("orders-app", Duration.ofHours(1)).token();
        store.put(CredentialsSpec.NONE.withTokensNotBefore(NOW.plusSeconds(1)).toResource("orders-app"), "test");

        await().untilAsserted(() -> assertRefused("orders-app", before, "token revoked"));
        GatewayTokens later = tokensAt(NOW.plusSeconds(2));
        assertThat(directory.authenticatePlain("orders-app", later.mint("orders-app", Duration.ofHours(1)).token())
                .serviceAccount()).hasValue("orders-app");
    }

    @Test
    void scramCredentialsAreThoseHeldForALocalAccountAndMechanism() throws Exception {
        ScramCredential credential = new ScramFormatter(ScramMechanism.SCRAM_SHA_512)
                .generateCredential("s3cret", 4096);
        store.put(CredentialsSpec.NONE.withScram(ScramMechanism.SCRAM_SHA_512, credential).toResource("orders-app"),
                "test");

        await().until(() -> directory.scramCredential("orders-app", ScramMechanism.SCRAM_SHA_512).isPresent());
        ScramCredential held = directory.scramCredential("orders-app", ScramMechanism.SCRAM_SHA_512).orElseThrow();
        assertThat(held.salt()).isEqualTo(credential.salt());
        assertThat(held.storedKey()).isEqualTo(credential.storedKey());
        assertThat(held.serverKey()).isEqualTo(credential.serverKey());
        assertThat(held.iterations()).isEqualTo(4096);
        assertThat(directory.scramCredential("orders-app", ScramMechanism.SCRAM_SHA_256)).isEmpty();
        assertThat(directory.scramCredential("ghost", ScramMechanism.SCRAM_SHA_512)).isEmpty();
    }

    @Test
    void anExternalPrincipalResolvesToItsAccountAndGroupsIncludingExternalOnes() {
        assertThat(directory.resolve("CN=billing,O=acme", Set.of()))
                .isEqualTo(new Identity("CN=billing,O=acme", Optional.of("billing"), Set.of("payments")));
        assertThat(directory.resolve("jane", Set.of("payments-team", "other")))
                .isEqualTo(new Identity("jane", Optional.empty(), Set.of("payments")));
        assertThat(directory.resolve("CN=auditor", Set.of()))
                .isEqualTo(new Identity("CN=auditor", Optional.empty(), Set.of("auditors")));
        assertThat(directory.resolve("orders-app", Set.of()).serviceAccount()).hasValue("orders-app");
        assertThat(directory.resolve("nobody", Set.of())).isEqualTo(new Identity("nobody", Optional.empty(), Set.of()));
    }

    @Test
    void anAccountsConnectionsLandInItsVirtualClusterWhicheverWayItAuthenticates() throws Exception {
        put("""
                {"kind": "ServiceAccount", "metadata": {"name": "orders-app"},
                 "spec": {"type": "LOCAL", "virtualCluster": "payments"}}""");
        put("""
                {"kind": "ServiceAccount", "metadata": {"name": "billing"},
                 "spec": {"type": "EXTERNAL", "principal": "CN=billing,O=acme", "virtualCluster": "finance"}}""");

        await().untilAsserted(() -> assertThat(directory.resolve("orders-app", Set.of()).virtualCluster())
                .hasValue("payments"));
        assertThat(directory.authenticatePlain("orders-app", tokens.mint("orders-app", Duration.ofHours(1)).token()))
                .isEqualTo(new Identity("orders-app", Optional.of("orders-app"), Set.of("payments"),
                        Optional.of("payments")));
        assertThat(directory.resolve("CN=billing,O=acme", Set.of()).virtualCluster()).hasValue("finance");
        assertThat(directory.resolve("nobody", Set.of()).virtualCluster()).isEmpty();
    }

    @Test
    void followsChangesToTheStore() {
        put("""
                {"kind": "Group", "metadata": {"name": "payments"}, "spec": {"members": ["billing"]}}""");
        put("""
                {"kind": "ServiceAccount", "metadata": {"name": "fraud"},
                 "spec": {"type": "EXTERNAL", "principal": "fraud@acme.example"}}""");

        await().untilAsserted(() -> {
            assertThat(directory.resolve("orders-app", Set.of()).groups()).isEmpty();
            assertThat(directory.resolve("fraud@acme.example", Set.of()).serviceAccount()).hasValue("fraud");
        });
        store.delete(new ResourceId("ServiceAccount", "fraud", null), "test");
        await().untilAsserted(() ->
                assertThat(directory.resolve("fraud@acme.example", Set.of()).serviceAccount()).isEmpty());
    }

    private void assertRefused(String username, String password, String reason) {
        assertThatThrownBy(() -> directory.authenticatePlain(username, password))
                .isInstanceOf(AuthenticationFailedException.class)
                .hasMessageStartingWith(reason)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(password));
    }

    private void put(String json) {
        Resource resource = ResourceDocuments.parseSingle(json, null);
        new IdentityResourceValidator().validate(resource);
        store.put(resource, "test");
    }

    private static GatewayTokens tokensAt(Instant now) {
        return new GatewayTokens(KEY, Clock.fixed(now, ZoneOffset.UTC));
    }
}
