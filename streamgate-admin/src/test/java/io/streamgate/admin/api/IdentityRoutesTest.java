package io.streamgate.admin.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamgate.admin.identity.CredentialsSpec;
import io.streamgate.admin.testing.AdminFixture;
import io.streamgate.core.auth.AuthenticationFailedException;
import io.streamgate.core.auth.GatewayTokens;
import io.streamgate.core.auth.Identity;
import io.streamgate.state.ResourceId;
import org.apache.kafka.common.security.scram.ScramCredential;
import org.apache.kafka.common.security.scram.internals.ScramFormatter;
import org.apache.kafka.common.security.scram.internals.ScramMechanism;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.streamgate.admin.testing.AdminFixture.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class IdentityRoutesTest {

    private static final String ORDERS = """
            {"kind": "ServiceAccount", "metadata": {"name": "orders-app"}, "spec": {"type": "LOCAL"}}""";
    private static final String BILLING = """
            {"kind": "ServiceAccount", "metadata": {"name": "billing"},
             "spec": {"type": "EXTERNAL", "principal": "CN=billing,O=acme"}}""";
    private static final String PAYMENTS = """
            {"kind": "Group", "metadata": {"name": "payments"},
             "spec": {"members": ["orders-app"], "externalGroups": ["payments-team"]}}""";
    private static final String PASSWORD = "correct-horse-battery-staple";

    @TempDir
    Path dataDir;

    private AdminFixture admin;

    @BeforeEach
    void start() {
        admin = new AdminFixture(dataDir);
    }

    @AfterEach
    void stop() {
        admin.close();
    }

    @Test
    void serviceAccountsAndGroupsAreCreatedListedReadAndDeleted() {
        HttpResponse<String> created = admin.sendJson("PUT", "/api/v1/service-accounts", ORDERS);
        admin.sendJson("PUT", "/api/v1/service-accounts", BILLING);
        HttpResponse<String> group = admin.sendJson("PUT", "/api/v1/groups", PAYMENTS);

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(parse(created.body()).at("/resource/metadata/revision").asLong()).isEqualTo(1);
        assertThat(group.statusCode()).isEqualTo(201);
        JsonNode accounts = parse(admin.send(admin.asViewer("/api/v1/service-accounts")).body()).get("items");
        assertThat(accounts).extracting(item -> item.at("/metadata/name").asText())
                .containsExactly("billing", "orders-app");
        JsonNode billing = parse(admin.send(admin.asViewer("/api/v1/service-accounts/billing")).body());
        assertThat(billing.at("/spec/principal").asText()).isEqualTo("CN=billing,O=acme");
        assertThat(parse(admin.send(admin.asViewer("/api/v1/groups/payments")).body()).at("/spec/externalGroups/0")
                .asText()).isEqualTo("payments-team");
        await().until(() -> admin.directory().resolve("CN=billing,O=acme", Set.of("payments-team"))
                .equals(new Identity("CN=billing,O=acme", Optional.of("billing"), Set.of("payments"))));

        assertThat(admin.send(admin.asAdmin("/api/v1/groups/payments").DELETE()).statusCode()).isEqualTo(204);
        assertThat(admin.send(admin.asAdmin("/api/v1/groups/payments").DELETE()).statusCode()).isEqualTo(404);
        assertThat(admin.send(admin.asViewer("/api/v1/groups/payments")).statusCode()).isEqualTo(404);
        assertThat(parse(admin.send(admin.asViewer("/api/v1/service-accounts/ghost")).body()).get("error").asText())
                .isEqualTo("no service account named ghost");
        HttpResponse<String> filtered = admin.send(admin.asViewer("/api/v1/service-accounts?type=LOCAL"));
        assertThat(filtered.statusCode()).isEqualTo(400);
        assertThat(parse(filtered.body()).get("field").asText()).isEqualTo("type");
    }

    @Test
    void invalidAccountsAre400NamingTheFieldAndDryRunAndRevisionWorkAsForInterceptors() {
        HttpResponse<String> invalid = admin.sendJson("PUT", "/api/v1/service-accounts",
                BILLING.replace(", \"principal\": \"CN=billing,O=acme\"", ""));
        HttpResponse<String> wrongRoute = admin.sendJson("PUT", "/api/v1/groups", ORDERS);
        HttpResponse<String> dryRun = admin.sendJson("PUT", "/api/v1/service-accounts?dryRun=true", ORDERS);

        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(parse(invalid.body()).get("field").asText()).isEqualTo("spec.principal");
        assertThat(wrongRoute.statusCode()).isEqualTo(400);
        assertThat(parse(wrongRoute.body()).get("error").asText())
                .isEqualTo("kind: expected Group on this route: PUT a ServiceAccount to /api/v1/service-accounts");
        assertThat(parse(dryRun.body()).get("outcome").asText()).isEqualTo("CREATED");
        assertThat(admin.store().snapshot()).isEmpty();

        admin.sendJson("PUT", "/api/v1/groups", PAYMENTS);
        admin.sendJson("PUT", "/api/v1/groups", PAYMENTS.replace("[\"orders-app\"]", "[\"a\"]"));
        HttpResponse<String> stale = admin.sendJson("PUT", "/api/v1/groups",
                PAYMENTS.replace("\"name\": \"payments\"", "\"name\": \"payments\", \"revision\": 1"));
        assertThat(stale.statusCode()).isEqualTo(409);
    }

    @Test
    void aViewerCannotChangeAccountsSetCredentialsOrMintTokens() {
        admin.sendJson("PUT", "/api/v1/service-accounts", ORDERS);

        for (HttpRequest.Builder request : new HttpRequest.Builder[] {
                admin.asViewer("/api/v1/service-accounts").PUT(HttpRequest.BodyPublishers.ofString(BILLING)),
                admin.asViewer("/api/v1/service-accounts/orders-app/scram-credentials")
                        .PUT(HttpRequest.BodyPublishers.ofString(scramBody("SCRAM-SHA-512"))),
                admin.asViewer("/api/v1/tokens").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"serviceAccount\": \"orders-app\"}"))}) {
            assertThat(admin.send(request).statusCode()).isEqualTo(403);
        }
    }

    @Test
    void scramCredentialsAreSaltedWithKafkasFormatterAndOnlyTheirMechanismAndIterationsAreShown() throws Exception {
        admin.sendJson("PUT", "/api/v1/service-accounts", ORDERS);

        HttpResponse<String> set = admin.sendJson("PUT", "/api/v1/service-accounts/orders-app/scram-credentials",
                scramBody("SCRAM-SHA-512"));

        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(set.body()).isEqualTo("{\"serviceAccount\":\"orders-app\",\"mechanism\":\"SCRAM-SHA-512\","
                + "\"iterations\":4096}");
        JsonNode account = parse(admin.send(admin.asViewer("/api/v1/service-accounts/orders-app")).body());
        assertThat(account.get("status").toString()).isEqualTo("{\"scram\":{\"SCRAM-SHA-512\":{\"iterations\":4096}}}");
        await().until(() -> admin.directory().scramCredential("orders-app", ScramMechanism.SCRAM_SHA_512).isPresent());
        ScramCredential held = admin.directory().scramCredential("orders-app", ScramMechanism.SCRAM_SHA_512)
                .orElseThrow();
        ScramFormatter formatter = new ScramFormatter(ScramMechanism.SCRAM_SHA_512);
        byte[] saltedPassword = formatter.saltedPassword(PASSWORD, held.salt(), held.iterations());
        assertThat(formatter.storedKey(formatter.clientKey(saltedPassword))).isEqualTo(held.storedKey());
        assertThat(formatter.serverKey(saltedPassword)).isEqualTo(held.serverKey());
        // Writing the account again (as a seed file or apply would) keeps its credentials.
        HttpResponse<String> rewritten = admin.sendJson("PUT", "/api/v1/service-accounts", ORDERS.replace(
                "\"name\": \"orders-app\"}", "\"name\": \"orders-app\", \"labels\": {\"team\": \"x\"}}"));
        assertThat(parse(rewritten.body()).get("outcome").asText()).isEqualTo("UPDATED");
        assertThat(parse(admin.send(admin.asViewer("/api/v1/service-accounts/orders-app")).body()).at("/status/scram")
                .has("SCRAM-SHA-512")).isTrue();
    }

    @Test
    void scramCredentialsAreRefusedForExternalOrUnknownAccountsAndBadRequestsWithoutEchoingThePassword() {
        admin.sendJson("PUT", "/api/v1/service-accounts", ORDERS);
        admin.sendJson("PUT", "/api/v1/service-accounts", BILLING);

        assertError(admin.sendJson("PUT", "/api/v1/service-accounts/billing/scram-credentials",
                scramBody("SCRAM-SHA-512")), 400, "service account billing is EXTERNAL");
        assertError(admin.sendJson("PUT", "/api/v1/service-accounts/ghost/scram-credentials",
                scramBody("SCRAM-SHA-512")), 404, "no service account named ghost");
        assertError(admin.sendJson("PUT", "/api/v1/service-accounts/orders-app/scram-credentials",
                scramBody("SCRAM-SHA-1")), 400, "mechanism: expected one of SCRAM-SHA-256, SCRAM-SHA-512");
        assertError(admin.sendJson("PUT", "/api/v1/service-accounts/orders-app/scram-credentials",
                scramBody("SCRAM-SHA-256").replace("4096", "100")), 400, "iterations: expected 4096 to 16384");
        assertError(admin.sendJson("PUT", "/api/v1/service-accounts/orders-app/scram-credentials",
                "{\"mechanism\": \"SCRAM-SHA-256\", \"password\": \"" + PASSWORD + "\""), 400,
                "the body must be a JSON object");
        assertError(admin.sendJson("PUT", "/api/v1/service-accounts/orders-app/scram-credentials",
                "{\"mechanism\": \"SCRAM-SHA-256\", \"pasword\": \"" + PASSWORD + "\"}"), 400, "unknown field 'pasword'");
        assertThat(admin.store().get(CredentialsSpec.idOf("orders-app"))).isEmpty();
    }

    @Test
    void aMintedTokenAuthenticatesItsLocalAccountOverPlainUntilItIsRevoked() throws Exception {
        admin.sendJson("PUT", "/api/v1/service-accounts", ORDERS);

        HttpResponse<String> minted = admin.sendJson("POST", "/api/v1/tokens",
                "{\"serviceAccount\": \"orders-app\", \"lifetime\": \"PT2H\"}");

        assertThat(minted.statusCode()).isEqualTo(201);
        JsonNode body = parse(minted.body());
        String token = body.get("token").asText();
        assertThat(token).startsWith(GatewayTokens.PREFIX);
        assertThat(Duration.between(Instant.parse(body.get("issuedAt").asText()),
                Instant.parse(body.get("expiresAt").asText()))).isEqualTo(Duration.ofHours(2));
        await().until(() -> authenticates("orders-app", token));

        HttpResponse<String> revoked = admin.sendJson("POST", "/api/v1/service-accounts/orders-app/revoke-tokens", "");
        assertThat(revoked.statusCode()).isEqualTo(200);
        await().until(() -> !authenticates("orders-app", token));
        assertThatThrownBy(() -> admin.directory().authenticatePlain("orders-app", token))
                .hasMessageStartingWith("token revoked");
        String after = parse(admin.sendJson("POST", "/api/v1/tokens", "{\"serviceAccount\": \"orders-app\"}").body())
                .get("token").asText();
        assertThat(authenticates("orders-app", after)).as("a token minted right after the revocation").isTrue();
        assertThat(parse(admin.send(admin.asViewer("/api/v1/service-accounts/orders-app")).body())
                .at("/status/tokensNotBefore").asText()).isEqualTo(parse(revoked.body()).get("tokensNotBefore").asText());
    }

    @Test
    void tokensAreForExistingLocalAccountsWithinTheLongestLifetime() {
        admin.sendJson("PUT", "/api/v1/service-accounts", ORDERS);
        admin.sendJson("PUT", "/api/v1/service-accounts", BILLING);

        assertError(admin.sendJson("POST", "/api/v1/tokens", "{\"serviceAccount\": \"billing\"}"), 400,
                "service account billing is EXTERNAL");
        assertError(admin.sendJson("POST", "/api/v1/tokens", "{\"serviceAccount\": \"ghost\"}"), 404,
                "no service account named ghost");
        assertError(admin.sendJson("POST", "/api/v1/tokens", "{\"serviceAccount\": \"orders-app\", \"lifetime\": "
                + "\"31d\"}"), 400, "lifetime: at most 30d");
        assertError(admin.sendJson("POST", "/api/v1/tokens", "{\"serviceAccount\": \"orders-app\", \"lifetime\": "
                + "\"soon\"}"), 400, "lifetime: expected a duration");
        assertError(admin.sendJson("POST", "/api/v1/tokens", "{}"), 400, "serviceAccount: required");
        HttpResponse<String> thirtyDays = admin.sendJson("POST", "/api/v1/tokens",
                "{\"serviceAccount\": \"orders-app\", \"lifetime\": \"30d\"}");
        assertThat(thirtyDays.statusCode()).isEqualTo(201);
    }

    @Test
    void deletingAnAccountDeletesItsCredentials() {
        admin.sendJson("PUT", "/api/v1/service-accounts", ORDERS);
        admin.sendJson("PUT", "/api/v1/service-accounts/orders-app/scram-credentials", scramBody("SCRAM-SHA-256"));

        assertThat(admin.send(admin.asAdmin("/api/v1/service-accounts/orders-app").DELETE()).statusCode())
                .isEqualTo(204);

        assertThat(admin.store().get(CredentialsSpec.idOf("orders-app"))).isEmpty();
        assertThat(admin.store().get(new ResourceId("ServiceAccount", "orders-app", null))).isEmpty();
    }

    @Test
    void neitherTheScramPasswordNorAMintedTokenAppearsInTheAuditLogTheStoreOrAnyAnswer() throws Exception {
        admin.sendJson("PUT", "/api/v1/service-accounts", ORDERS);
        HttpResponse<String> set = admin.sendJson("PUT", "/api/v1/service-accounts/orders-app/scram-credentials",
                scramBody("SCRAM-SHA-512"));
        HttpResponse<String> refused = admin.sendJson("PUT", "/api/v1/service-accounts/ghost/scram-credentials",
                scramBody("SCRAM-SHA-512"));
        HttpResponse<String> malformed = admin.sendJson("PUT",
                "/api/v1/service-accounts/orders-app/scram-credentials", "{\"password\": \"" + PASSWORD + "\",");
        String token = parse(admin.sendJson("POST", "/api/v1/tokens", "{\"serviceAccount\": \"orders-app\"}").body())
                .get("token").asText();
        String account = admin.send(admin.asViewer("/api/v1/service-accounts/orders-app")).body();

        String audit = admin.auditText();
        assertThat(audit).contains("SET_SCRAM", "MINT_TOKEN", "SCRAM-SHA-512", "token id ")
                .doesNotContain(PASSWORD).doesNotContain(token);
        for (HttpResponse<String> response : List.of(set, refused, malformed)) {
            assertThat(response.body()).doesNotContain(PASSWORD);
        }
        assertThat(account).doesNotContain(PASSWORD).doesNotContain("storedKey").doesNotContain("serverKey")
                .doesNotContain("salt");
        String storeFiles = String.join("\n", Files.walk(dataDir).filter(Files::isRegularFile).map(file -> {
            try {
                return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList());
        assertThat(storeFiles).contains("storedKey").doesNotContain(PASSWORD).doesNotContain(token);
    }

    private boolean authenticates(String user, String token) {
        try {
            return admin.directory().authenticatePlain(user, token).serviceAccount().isPresent();
        } catch (AuthenticationFailedException e) {
            return false;
        }
    }

    private static String scramBody(String mechanism) {
        return "{\"mechanism\": \"" + mechanism + "\", \"password\": \"" + PASSWORD + "\", \"iterations\": 4096}";
    }

    private static void assertError(HttpResponse<String> response, int status, String errorStart) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(parse(response.body()).get("error").asText()).startsWith(errorStart);
        assertThat(response.body()).doesNotContain(PASSWORD);
    }
}
