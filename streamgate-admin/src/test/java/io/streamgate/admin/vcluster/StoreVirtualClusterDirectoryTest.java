package io.streamgate.admin.vcluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamgate.admin.audit.AuditLog;
import io.streamgate.api.Scope;
import io.streamgate.core.vcluster.AliasTopic;
import io.streamgate.core.vcluster.Tenant;
import io.streamgate.state.Resource;
import io.streamgate.state.ResourceId;
import io.streamgate.state.document.ResourceDocuments;
import io.streamgate.state.file.FileResourceStore;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.InvalidRequestException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class StoreVirtualClusterDirectoryTest {

    private static final AclBinding ALICE_READS_ORDERS = new AclBinding(
            new ResourcePattern(ResourceType.TOPIC, "orders", PatternType.LITERAL),
            new AccessControlEntry("User:alice", "*", AclOperation.READ, AclPermissionType.ALLOW));
    private static final AclBinding BOB_WRITES_ORDERS = new AclBinding(
            new ResourcePattern(ResourceType.TOPIC, "orders", PatternType.LITERAL),
            new AccessControlEntry("User:bob", "*", AclOperation.WRITE, AclPermissionType.ALLOW));

    @TempDir
    Path dataDir;

    private FileResourceStore store;
    private AuditLog audit;
    private StoreVirtualClusterDirectory directory;

    @BeforeEach
    void start() {
        store = new FileResourceStore(dataDir);
        put("""
                {"kind": "VirtualCluster", "metadata": {"name": "payments"},
                 "spec": {"acls": {"enabled": true}, "superUsers": ["User:admin"]}}""");
        put("""
                {"kind": "AliasTopic", "metadata": {"name": "rates", "scope": {"virtualCluster": "payments"}},
                 "spec": {"physicalTopic": "shared.fx-rates"}}""");
        audit = new AuditLog(dataDir.resolve("admin-audit.log"));
        directory = new StoreVirtualClusterDirectory(store, audit).start();
    }

    @AfterEach
    void stop() {
        directory.close();
        store.close();
    }

    @Test
    void aTenantIsTheVirtualClusterWithItsPrefixAliasesAndOptionsAsStored() {
        Tenant tenant = directory.tenant("payments").orElseThrow();

        assertThat(tenant.name()).isEqualTo("payments");
        assertThat(tenant.cluster().prefix()).isEqualTo("payments.");
        assertThat(tenant.cluster().aclsEnabled()).isTrue();
        assertThat(tenant.cluster().superUsers()).containsExactly("User:admin");
        assertThat(tenant.names().aliases()).containsExactly(new AliasTopic("payments", "rates", "shared.fx-rates",
                true));
        assertThat(tenant.names().physicalTopic("orders")).isEqualTo("payments.orders");
        assertThat(tenant.names().physicalTopic("rates")).isEqualTo("shared.fx-rates");
        assertThat(directory.tenant("ghost")).isEmpty();
        assertThat(directory.tenant("passthrough")).isEmpty();
    }

    @Test
    void aStoreChangeMakesANewTenantOfThatVirtualClusterAndLeavesTheOthersAsTheyWere() {
        put("""
                {"kind": "VirtualCluster", "metadata": {"name": "risk"}, "spec": {"prefix": "r-"}}""");
        await().until(() -> directory.tenant("risk").isPresent());
        Tenant risk = directory.tenant("risk").orElseThrow();
        Tenant before = directory.tenant("payments").orElseThrow();

        put("""
                {"kind": "VirtualCluster", "metadata": {"name": "payments"},
                 "spec": {"prefix": "pay_", "readOnly": true}}""");
        put("""
                {"kind": "AliasTopic", "metadata": {"name": "fx", "scope": {"virtualCluster": "payments"}},
                 "spec": {"physicalTopic": "shared.fx-rates-v2", "readOnly": false}}""");

        await().untilAsserted(() -> assertThat(directory.tenant("payments").orElseThrow().names().aliases())
                .hasSize(2));
        Tenant after = directory.tenant("payments").orElseThrow();
        assertThat(after).isNotSameAs(before);
        assertThat(after.cluster().prefix()).isEqualTo("pay_");
        assertThat(after.cluster().readOnly()).isTrue();
        assertThat(after.names().physicalTopic("orders")).isEqualTo("pay_orders");
        assertThat(after.names().logicalTopic("shared.fx-rates-v2")).isEqualTo("fx");
        assertThat(after.names().alias("fx").readOnly()).isFalse();
        assertThat(directory.tenant("risk")).containsSame(risk);
        assertThat(before.cluster().prefix()).as("a tenant is immutable").isEqualTo("payments.");

        store.delete(new ResourceId("AliasTopic", "rates", Scope.virtualCluster("payments")), "t");
        store.delete(new ResourceId("AliasTopic", "fx", Scope.virtualCluster("payments")), "t");
        store.delete(VirtualClusterRules.virtualClusterId("payments"), "test");
        await().until(() -> directory.tenant("payments").isEmpty());
    }

    @Test
    void createdAclsAreStoredNamedAfterTheBindingOnceAndAudited() throws Exception {
        directory.createAcls("payments", List.of(ALICE_READS_ORDERS, BOB_WRITES_ORDERS), "admin")
                .toCompletableFuture().get(5, TimeUnit.SECONDS);
        directory.createAcls("payments", List.of(ALICE_READS_ORDERS), "admin")
                .toCompletableFuture().get(5, TimeUnit.SECONDS);

        List<Resource> stored = store.list(AclBindingSpec.KIND);
        assertThat(stored).extracting(resource -> resource.metadata().name()).containsExactlyInAnyOrder(
                AclBindingSpec.of(ALICE_READS_ORDERS).derivedName(), AclBindingSpec.of(BOB_WRITES_ORDERS).derivedName());
        assertThat(stored).allSatisfy(resource -> {
            assertThat(resource.metadata().scope().virtualCluster()).isEqualTo("payments");
            assertThat(resource.metadata().updatedBy()).isEqualTo("admin");
        });
        assertThat(stored).extracting(resource -> AclBindingSpec.of(resource).toAclBinding())
                .containsExactlyInAnyOrder(ALICE_READS_ORDERS, BOB_WRITES_ORDERS);
        List<JsonNode> lines = auditLines();
        assertThat(lines).hasSize(2).allSatisfy(line -> {
            assertThat(line.get("actor").asText()).isEqualTo("admin");
            assertThat(line.get("action").asText()).isEqualTo("CREATE_ACL");
            assertThat(line.get("outcome").asText()).isEqualTo("CREATED");
            assertThat(line.at("/scope/virtualCluster").asText()).isEqualTo("payments");
        });
        assertThat(lines.get(0).get("detail").asText()).contains("User:alice", "READ", "orders");
    }

    @Test
    void deletedAclsAreThoseOfTheVirtualClusterThatMatchTheFilter() throws Exception {
        put("""
                {"kind": "VirtualCluster", "metadata": {"name": "risk"}, "spec": {}}""");
        directory.createAcls("payments", List.of(ALICE_READS_ORDERS, BOB_WRITES_ORDERS), "admin")
                .toCompletableFuture().get(5, TimeUnit.SECONDS);
        directory.createAcls("risk", List.of(ALICE_READS_ORDERS), "admin").toCompletableFuture()
                .get(5, TimeUnit.SECONDS);

        List<AclBinding> deleted = directory.deleteAcls("payments", new AclBindingFilter(ResourcePatternFilter.ANY,
                        new AccessControlEntryFilter("User:alice", null, AclOperation.ANY, AclPermissionType.ANY)),
                "admin").toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertThat(deleted).containsExactly(ALICE_READS_ORDERS);
        assertThat(store.list(AclBindingSpec.KIND)).extracting(resource -> resource.metadata().scope().virtualCluster()
                + ":" + AclBindingSpec.of(resource).principal()).containsExactlyInAnyOrder("payments:User:bob",
                "risk:User:alice");
        assertThat(auditLines()).filteredOn(line -> line.get("action").asText().equals("DELETE_ACL")).hasSize(1);
    }

    @Test
    void aclsOfAMissingVirtualClusterOrWithValuesAVirtualClusterDoesNotTakeAreRefusedAndNothingIsWritten() {
        AclBinding tokens = new AclBinding(new ResourcePattern(ResourceType.TOPIC, "orders", PatternType.LITERAL),
                new AccessControlEntry("User:alice", "*", AclOperation.CREATE_TOKENS, AclPermissionType.ALLOW));

        assertThatThrownBy(() -> directory.createAcls("ghost", List.of(ALICE_READS_ORDERS), "admin")
                .toCompletableFuture().join()).isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(InvalidRequestException.class).hasMessageContaining("no virtual cluster named ghost");
        assertThatThrownBy(() -> directory.createAcls("payments", List.of(ALICE_READS_ORDERS, tokens), "admin")
                .toCompletableFuture().join()).cause().isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("spec.operation: expected one of READ");
        assertThat(store.list(AclBindingSpec.KIND)).isEmpty();
    }

    private List<JsonNode> auditLines() throws IOException {
        ObjectMapper json = new ObjectMapper();
        return Files.readAllLines(audit.file()).stream().map(line -> {
            try {
                return json.readTree(line);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private void put(String json) {
        store.put(ResourceDocuments.parseSingle(json, null), "test");
    }
}
