package io.streamgate.admin.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamgate.admin.testing.AdminFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static io.streamgate.admin.testing.AdminFixture.parse;
import static org.assertj.core.api.Assertions.assertThat;

class VirtualClusterRoutesTest {

    private static final String PAYMENTS = """
            {"kind": "VirtualCluster", "metadata": {"name": "payments"},
             "spec": {"acls": {"enabled": true}, "superUsers": ["User:admin"]}}""";
    private static final String RATES = """
            {"kind": "AliasTopic", "metadata": {"name": "rates"}, "spec": {"physicalTopic": "shared.fx-rates"}}""";
    private static final String ALICE_READS = """
            {"resourceType": "TOPIC", "patternType": "LITERAL", "resourceName": "orders", "principal": "User:alice",
             "operation": "READ", "permission": "ALLOW"}""";
    private static final String CLUSTERS = "/api/v1/virtual-clusters";

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
    void virtualClustersAreCreatedAtTheirPathListedReadAndDeleted() {
        HttpResponse<String> created = admin.sendJson("PUT", CLUSTERS + "/payments", PAYMENTS);
        admin.send(admin.asAdmin(CLUSTERS + "/risk").header("Content-Type", "application/yaml")
                .PUT(HttpRequest.BodyPublishers.ofString("kind: VirtualCluster\nmetadata: {name: risk}\n"
                        + "spec: {prefix: r-}\n")));

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(parse(created.body()).at("/resource/metadata/revision").asLong()).isEqualTo(1);
        JsonNode list = parse(admin.send(admin.asViewer(CLUSTERS)).body()).get("items");
        assertThat(list).extracting(item -> item.at("/metadata/name").asText()).containsExactly("payments", "risk");
        assertThat(parse(admin.send(admin.asViewer(CLUSTERS + "/risk")).body()).at("/spec/prefix").asText())
                .isEqualTo("r-");
        assertThat(parse(admin.sendJson("PUT", CLUSTERS + "/payments", PAYMENTS).body()).get("outcome").asText())
                .isEqualTo("UNCHANGED");

        assertThat(admin.send(admin.asAdmin(CLUSTERS + "/risk").DELETE()).statusCode()).isEqualTo(204);
        assertError(admin.send(admin.asViewer(CLUSTERS + "/risk")), 404, null, "no virtual cluster named risk");
        assertThat(admin.auditText()).contains("\"kind\":\"VirtualCluster\"", "\"outcome\":\"DELETED\"");
    }

    @Test
    void aBodyWhoseNameOrScopeIsNotThePathsIsRefusedAndDryRunStoresNothing() {
        assertError(admin.sendJson("PUT", CLUSTERS + "/other", PAYMENTS), 400, "metadata.name",
                "metadata.name: 'payments' is not the name in the path, 'other'");
        assertError(admin.sendJson("PUT", CLUSTERS + "/payments?dryRun=true", PAYMENTS.replace("\"User:admin\"",
                "\"admin\"")), 400, "spec.superUsers[0]", "spec.superUsers[0]: expected User:<name>, not 'admin'");
        HttpResponse<String> dryRun = admin.sendJson("PUT", CLUSTERS + "/payments?dryRun=true", PAYMENTS);
        assertThat(parse(dryRun.body()).get("outcome").asText()).isEqualTo("CREATED");
        assertThat(admin.store().snapshot()).isEmpty();

        admin.sendJson("PUT", CLUSTERS + "/payments", PAYMENTS);
        assertError(admin.sendJson("PUT", CLUSTERS + "/payments/alias-topics/rates", RATES.replace(
                "{\"name\": \"rates\"}", "{\"name\": \"rates\", \"scope\": {\"virtualCluster\": \"risk\"}}")), 400,
                "metadata.scope", "metadata.scope: vcluster=risk is not the scope of the path, vcluster=payments");
        assertError(admin.sendJson("PUT", CLUSTERS + "/payments", PAYMENTS.replace("\"payments\"},",
                "\"payments\", \"revision\": 7},").replace("true", "false")), 409, "metadata.revision", null);
    }

    @Test
    void prefixesThatWouldMixTenantsAreRefusedWithTheReason() {
        admin.sendJson("PUT", CLUSTERS + "/payments", PAYMENTS);

        assertError(admin.sendJson("PUT", CLUSTERS + "/pay", """
                {"kind": "VirtualCluster", "metadata": {"name": "pay"}, "spec": {"prefix": "pay"}}"""), 400,
                "spec.prefix", "spec.prefix: the prefix 'pay' is the start of virtual cluster payments's prefix");
        assertError(admin.sendJson("PUT", CLUSTERS + "/payments.eu", """
                {"kind": "VirtualCluster", "metadata": {"name": "payments.eu"}, "spec": {}}"""), 400,
                "metadata.name", "metadata.name: the prefix 'payments.eu.' starts with virtual cluster payments's");
        assertError(admin.sendJson("PUT", CLUSTERS + "/passthrough", """
                {"kind": "VirtualCluster", "metadata": {"name": "passthrough"}, "spec": {}}"""), 400,
                "metadata.name", "metadata.name: 'passthrough' is the built-in transparent cluster");
    }

    @Test
    void aliasTopicsLiveUnderTheirVirtualClusterWhoseScopeTheyGetFromThePath() {
        admin.sendJson("PUT", CLUSTERS + "/payments", PAYMENTS);

        HttpResponse<String> created = admin.sendJson("PUT", CLUSTERS + "/payments/alias-topics/rates", RATES);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(parse(created.body()).at("/resource/metadata/scope/virtualCluster").asText()).isEqualTo("payments");
        assertThat(parse(admin.send(admin.asViewer(CLUSTERS + "/payments/alias-topics")).body()).get("items"))
                .extracting(item -> item.at("/spec/physicalTopic").asText()).containsExactly("shared.fx-rates");
        assertThat(parse(admin.send(admin.asViewer(CLUSTERS + "/payments/alias-topics?physicalTopic=other")).body())
                .get("items")).isEmpty();
        assertThat(parse(admin.send(admin.asViewer(CLUSTERS + "/payments/alias-topics/rates")).body())
                .at("/spec/physicalTopic").asText()).isEqualTo("shared.fx-rates");
        assertError(admin.send(admin.asViewer(CLUSTERS + "/ghost/alias-topics")), 404, null,
                "no virtual cluster named ghost");
        assertError(admin.send(admin.asViewer(CLUSTERS + "/payments/alias-topics/ghost")), 404, null,
                "no alias topic named ghost in virtual cluster payments");
        assertError(admin.sendJson("PUT", CLUSTERS + "/payments/alias-topics/orders", """
                {"kind": "AliasTopic", "metadata": {"name": "orders"}, "spec": {"physicalTopic": "payments.orders"}}"""),
                400, "spec.physicalTopic",
                "spec.physicalTopic: 'payments.orders' starts with virtual cluster payments's prefix");
        assertError(admin.sendJson("PUT", CLUSTERS + "/ghost/alias-topics/rates", RATES), 400,
                "metadata.scope.virtualCluster", "metadata.scope.virtualCluster: no virtual cluster named ghost");

        assertThat(admin.send(admin.asAdmin(CLUSTERS + "/payments/alias-topics/rates").DELETE()).statusCode())
                .isEqualTo(204);
        assertThat(admin.store().list("AliasTopic")).isEmpty();
    }

    @Test
    void aVirtualClusterIsDeletedOnlyOnceNothingRefersToIt() {
        admin.sendJson("PUT", CLUSTERS + "/payments", PAYMENTS);
        admin.sendJson("PUT", CLUSTERS + "/payments/alias-topics/rates", RATES);
        HttpResponse<String> account = admin.sendJson("PUT", "/api/v1/service-accounts", """
                {"kind": "ServiceAccount", "metadata": {"name": "orders-app"},
                 "spec": {"type": "LOCAL", "virtualCluster": "payments"}}""");
        assertThat(account.statusCode()).as(account.body()).isEqualTo(201);

        assertError(admin.send(admin.asAdmin(CLUSTERS + "/payments").DELETE()), 409, null,
                "virtual cluster payments is still referred to by AliasTopic rates, ServiceAccount orders-app");
        assertThat(admin.auditText()).contains("\"outcome\":\"CONFLICT\"");
        assertError(admin.sendJson("PUT", "/api/v1/service-accounts", """
                {"kind": "ServiceAccount", "metadata": {"name": "billing"},
                 "spec": {"type": "LOCAL", "virtualCluster": "ghost"}}"""), 400, "spec.virtualCluster",
                "spec.virtualCluster: no virtual cluster named ghost");

        admin.send(admin.asAdmin(CLUSTERS + "/payments/alias-topics/rates").DELETE());
        admin.send(admin.asAdmin("/api/v1/service-accounts/orders-app").DELETE());
        assertThat(admin.send(admin.asAdmin(CLUSTERS + "/payments").DELETE()).statusCode()).isEqualTo(204);
    }

    @Test
    void anAclPostedTwiceIsStoredOnceUnderANameDerivedFromItAndListedWithFilters() {
        admin.sendJson("PUT", CLUSTERS + "/payments", PAYMENTS);

        HttpResponse<String> first = admin.sendJson("POST", CLUSTERS + "/payments/acls", ALICE_READS);
        HttpResponse<String> again = admin.sendJson("POST", CLUSTERS + "/payments/acls",
                ALICE_READS.replace("\"READ\"", "\"read\""));
        admin.sendJson("POST", CLUSTERS + "/payments/acls", ALICE_READS.replace("alice", "bob")
                .replace("READ", "WRITE"));

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        String name = parse(first.body()).at("/resource/metadata/name").asText();
        assertThat(name).matches("acl-[0-9a-f]{16}");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(parse(again.body()).get("outcome").asText()).isEqualTo("UNCHANGED");
        assertThat(parse(again.body()).at("/resource/metadata/name").asText()).isEqualTo(name);
        assertThat(parse(first.body()).at("/resource/spec/host").asText()).isEqualTo("*");
        assertThat(parse(admin.send(admin.asViewer(CLUSTERS + "/payments/acls")).body()).get("items")).hasSize(2);
        assertThat(parse(admin.send(admin.asViewer(CLUSTERS + "/payments/acls?operation=read&host=*")).body())
                .get("items")).extracting(item -> item.at("/spec/principal").asText()).containsExactly("User:alice");
        assertError(admin.send(admin.asViewer(CLUSTERS + "/payments/acls?user=alice")), 400, "user",
                "unknown query parameter 'user'; this route takes host, operation, patternType, permission, "
                        + "principal, resourceName, resourceType");
        assertThat(parse(admin.send(admin.asViewer(CLUSTERS + "/payments/acls/" + name)).body())
                .at("/spec/operation").asText()).isEqualTo("READ");

        assertThat(admin.send(admin.asAdmin(CLUSTERS + "/payments/acls/" + name).DELETE()).statusCode())
                .isEqualTo(204);
        assertThat(admin.store().list("AclBinding")).hasSize(1);
    }

    @Test
    void anAclWithAValueAVirtualClusterDoesNotTakeIsRefusedNamingTheField() {
        admin.sendJson("PUT", CLUSTERS + "/payments", PAYMENTS);

        assertError(admin.sendJson("POST", CLUSTERS + "/payments/acls", ALICE_READS.replace("TOPIC",
                "DELEGATION_TOKEN")), 400, "spec.resourceType", "spec.resourceType: expected one of TOPIC, GROUP, "
                + "TRANSACTIONAL_ID, CLUSTER, not 'DELEGATION_TOKEN'");
        assertError(admin.sendJson("POST", CLUSTERS + "/payments/acls", ALICE_READS.replace("User:alice", "alice")),
                400, "spec.principal", "spec.principal: expected User:<name> or Group:<group>");
        assertError(admin.sendJson("POST", CLUSTERS + "/payments/acls", ALICE_READS.replace("\"operation\"",
                "\"op\"")), 400, "op", "unknown field 'op'");
        assertError(admin.sendJson("POST", CLUSTERS + "/ghost/acls", ALICE_READS), 400,
                "metadata.scope.virtualCluster", "metadata.scope.virtualCluster: no virtual cluster named ghost");
        assertThat(admin.store().list("AclBinding")).isEmpty();
        assertThat(admin.auditText()).contains("\"action\":\"POST\"", "\"outcome\":\"INVALID\"");
    }

    @Test
    void aViewerReadsButCannotChangeVirtualClustersAliasesOrAcls() {
        admin.sendJson("PUT", CLUSTERS + "/payments", PAYMENTS);

        for (HttpRequest.Builder request : new HttpRequest.Builder[] {
                admin.asViewer(CLUSTERS + "/payments").PUT(HttpRequest.BodyPublishers.ofString(PAYMENTS)),
                admin.asViewer(CLUSTERS + "/payments").DELETE(),
                admin.asViewer(CLUSTERS + "/payments/alias-topics/rates").PUT(HttpRequest.BodyPublishers
                        .ofString(RATES)),
                admin.asViewer(CLUSTERS + "/payments/acls").POST(HttpRequest.BodyPublishers.ofString(ALICE_READS))}) {
            assertThat(admin.send(request).statusCode()).isEqualTo(403);
        }
        assertThat(admin.send(admin.asViewer(CLUSTERS + "/payments/acls")).statusCode()).isEqualTo(200);
    }

    private static void assertError(HttpResponse<String> response, int status, String field, String errorStart) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = parse(response.body());
        if (errorStart != null) {
            assertThat(body.get("error").asText()).startsWith(errorStart);
        }
        if (field != null) {
            assertThat(body.path("field").asText()).isEqualTo(field);
        }
    }
}
