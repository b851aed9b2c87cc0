package io.streamgate.core.vcluster.mapping;

import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.message.CreateAclsRequestData;
import org.apache.kafka.common.message.CreateAclsRequestData.AclCreation;
import org.apache.kafka.common.message.CreateAclsResponseData;
import org.apache.kafka.common.message.CreateAclsResponseData.AclCreationResult;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.CreateAclsRequest;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import static io.streamgate.core.vcluster.mapping.AclTestBindings.ADMIN_ALTERS_CLUSTER;
import static io.streamgate.core.vcluster.mapping.AclTestBindings.AUDITOR_DESCRIBES_CLUSTER;
import static io.streamgate.core.vcluster.mapping.AclTestBindings.WITHOUT_ACLS;
import static io.streamgate.core.vcluster.mapping.AclTestBindings.WITH_ACLS;
import static io.streamgate.core.vcluster.mapping.AclTestBindings.allow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class CreateAclsMapperTest {

    private static final AclBinding READ_ORDERS = allow(ResourceType.TOPIC, "orders", PatternType.LITERAL,
            "User:alice", AclOperation.READ);
    private static final AclBinding GROUP_WRITES_PAYMENTS = allow(ResourceType.TOPIC, "payments.",
            PatternType.PREFIXED, "Group:billing", AclOperation.WRITE);

    private final RecordingDirectory directory = new RecordingDirectory(List.of());
    private final ApiMapper mapper = ApiMappers.mapper(ApiKeys.CREATE_ACLS);

    @Test
    void storesTheLogicalBindingsAndAnswersOnceTheStoreHasWrittenThem() {
        directory.store = new CompletableFuture<>();

        CompletableFuture<?> answer = answer(admin(), READ_ORDERS, GROUP_WRITES_PAYMENTS);

        assertThat(directory.creations).containsExactly(new RecordingDirectory.CreateAcls("a",
                List.of(READ_ORDERS, GROUP_WRITES_PAYMENTS), "admin"));
        assertThat(answer).isNotDone();
        directory.store.complete(null);
        assertThat(results(answer)).extracting(AclCreationResult::errorCode)
                .containsExactly(Errors.NONE.code(), Errors.NONE.code());
        assertThat(directory.stored).containsExactly(READ_ORDERS, GROUP_WRITES_PAYMENTS);
    }

    @Test
    void answersSecurityDisabledWhenTheVirtualClusterHasNoAcls() {
        FakeTenant root = FakeTenant.of(WITHOUT_ACLS, List.of(), "root").withDirectory(directory);

        assertThat(results(answer(root, READ_ORDERS, GROUP_WRITES_PAYMENTS)))
                .extracting(AclCreationResult::errorCode, AclCreationResult::errorMessage)
                .containsOnly(tuple(Errors.SECURITY_DISABLED.code(), "ACLs are not enabled in virtual cluster a"))
                .hasSize(2);
        assertThat(directory.creations).isEmpty();
    }

    @Test
    void requiresAlterOnTheCluster() {
        FakeTenant auditor = FakeTenant.of(WITH_ACLS, List.of(AUDITOR_DESCRIBES_CLUSTER), "auditor")
                .withDirectory(directory);
        FakeTenant superUser = FakeTenant.of(WITH_ACLS, List.of(), "root").withDirectory(directory);

        assertThat(results(answer(auditor, READ_ORDERS))).extracting(AclCreationResult::errorCode)
                .containsExactly(Errors.CLUSTER_AUTHORIZATION_FAILED.code());
        assertThat(directory.creations).isEmpty();
        assertThat(results(answer(superUser, READ_ORDERS))).extracting(AclCreationResult::errorCode)
                .containsExactly(Errors.NONE.code());
        assertThat(directory.creations).extracting(RecordingDirectory.CreateAcls::actor).containsExactly("root");
    }

    @Test
    void refusesEachInvalidCreationOnItsOwnAndStoresTheOthers() {
        AclCreation valid = CreateAclsRequest.aclCreation(READ_ORDERS);
        List<AclCreation> creations = List.of(
                valid.duplicate().setResourceType(ResourceType.DELEGATION_TOKEN.code()),
                valid.duplicate().setResourceType(ResourceType.USER.code()),
                valid.duplicate().setResourceType(ResourceType.ANY.code()),
                valid.duplicate().setResourceType(ResourceType.CLUSTER.code()),
                valid.duplicate().setResourcePatternType(PatternType.MATCH.code()),
                valid.duplicate().setOperation(AclOperation.ANY.code()),
                valid.duplicate().setOperation(AclOperation.TWO_PHASE_COMMIT.code()),
                valid.duplicate().setResourceType(ResourceType.CLUSTER.code()).setResourceName("kafka-cluster")
                        .setResourcePatternType(PatternType.PREFIXED.code()),
                valid.duplicate().setPermissionType(AclPermissionType.ANY.code()),
                valid.duplicate().setResourceName(""),
                valid.duplicate().setPrincipal("alice"),
                valid.duplicate().setPrincipal("Role:admins"),
                valid.duplicate().setPrincipal("User:"),
                valid.duplicate().setHost("10.0.0.0/8"),
                valid);

        List<AclCreationResult> results = results(answer(admin(), creations));

        assertThat(results).extracting(AclCreationResult::errorMessage).containsExactly(
                "ACLs on DELEGATION_TOKEN resources are not supported in virtual cluster a: only on TOPIC, GROUP,"
                        + " TRANSACTIONAL_ID and CLUSTER",
                "ACLs on USER resources are not supported in virtual cluster a: only on TOPIC, GROUP,"
                        + " TRANSACTIONAL_ID and CLUSTER",
                "Invalid resourceType ANY",
                "The only valid name for the CLUSTER resource is kafka-cluster",
                "Invalid patternType MATCH",
                "Invalid operation ANY",
                "ACLs for operation TWO_PHASE_COMMIT are not supported in virtual cluster a: the gateway never checks it",
                "A CLUSTER binding must have a LITERAL pattern",
                "Invalid permissionType ANY",
                "Resource name should not be empty",
                "Invalid principal alice: expected User:<name> or Group:<name>",
                "Invalid principal Role:admins: expected User:<name> or Group:<name>",
                "Invalid principal User:: expected User:<name> or Group:<name>",
                "Invalid host 10.0.0.0/8: expected * or an IP address, not a range",
                "");
        assertThat(results.subList(0, 14)).extracting(AclCreationResult::errorCode)
                .containsOnly(Errors.INVALID_REQUEST.code());
        assertThat(results.get(14).errorCode()).isEqualTo(Errors.NONE.code());
        assertThat(directory.stored).containsExactly(READ_ORDERS);
    }

    @Test
    void acceptsTheClusterByItsNameAndTransactionalIds() {
        AclBinding cluster = allow(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL, "User:bob",
                AclOperation.DESCRIBE);
        AclBinding transactions = allow(ResourceType.TRANSACTIONAL_ID, "*", PatternType.LITERAL, "User:*",
                AclOperation.WRITE);

        assertThat(results(answer(admin(), cluster, transactions))).extracting(AclCreationResult::errorCode)
                .containsOnly(Errors.NONE.code());
        assertThat(directory.stored).containsExactly(cluster, transactions);
    }

    @Test
    void storesNothingWhenNoCreationIsValid() {
        AclCreation invalid = CreateAclsRequest.aclCreation(READ_ORDERS).setPrincipal("alice");

        assertThat(results(answer(admin(), List.of(invalid)))).extracting(AclCreationResult::errorCode)
                .containsExactly(Errors.INVALID_REQUEST.code());
        assertThat(directory.creations).isEmpty();
    }

    @Test
    void reportsAFailedStoreWriteOnEveryCreationItHeld() {
        directory.store = CompletableFuture.failedFuture(new IllegalStateException("the store is read-only"));
        AclCreation invalid = CreateAclsRequest.aclCreation(READ_ORDERS).setResourceName("");

        List<AclCreationResult> results = results(answer(admin(), List.of(CreateAclsRequest.aclCreation(READ_ORDERS),
                invalid, CreateAclsRequest.aclCreation(GROUP_WRITES_PAYMENTS))));

        assertThat(results).extracting(AclCreationResult::errorCode, AclCreationResult::errorMessage).containsExactly(
                tuple(Errors.UNKNOWN_SERVER_ERROR.code(), "the store is read-only"),
                tuple(Errors.INVALID_REQUEST.code(), "Resource name should not be empty"),
                tuple(Errors.UNKNOWN_SERVER_ERROR.code(), "the store is read-only"));
    }

    private FakeTenant admin() {
        return FakeTenant.of(WITH_ACLS, List.of(ADMIN_ALTERS_CLUSTER), "admin").withDirectory(directory);
    }

    private CompletableFuture<?> answer(FakeTenant tenant, AclBinding... bindings) {
        return answer(tenant, List.of(bindings).stream().map(CreateAclsRequest::aclCreation).toList());
    }

    private CompletableFuture<?> answer(FakeTenant tenant, List<AclCreation> creations) {
        Mapping mapping = mapper.map(new CreateAclsRequestData().setCreations(creations), (short) 3, tenant);
        assertThat(mapping).isInstanceOf(Mapping.Answer.class);
        return ((Mapping.Answer) mapping).response().toCompletableFuture();
    }

    private static List<AclCreationResult> results(CompletableFuture<?> answer) {
        assertThat(answer).isDone();
        return ((CreateAclsResponseData) answer.join()).results();
    }
}
