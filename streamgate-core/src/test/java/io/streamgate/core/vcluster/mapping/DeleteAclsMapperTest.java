package io.streamgate.core.vcluster.mapping;

import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.message.DeleteAclsRequestData;
import org.apache.kafka.common.message.DeleteAclsRequestData.DeleteAclsFilter;
import org.apache.kafka.common.message.DeleteAclsResponseData;
import org.apache.kafka.common.message.DeleteAclsResponseData.DeleteAclsFilterResult;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.DeleteAclsRequest;
import org.apache.kafka.common.requests.DeleteAclsResponse;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePatternFilter;
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

class DeleteAclsMapperTest {

    private static final AclBinding READ_ORDERS = allow(ResourceType.TOPIC, "orders", PatternType.LITERAL,
            "User:alice", AclOperation.READ);
    private static final AclBinding WRITE_ORD = allow(ResourceType.TOPIC, "ord", PatternType.PREFIXED,
            "User:alice", AclOperation.WRITE);
    private static final AclBinding READ_GROUP = allow(ResourceType.GROUP, "orders", PatternType.LITERAL,
            "User:alice", AclOperation.READ);
    private static final List<AclBinding> ALL = List.of(AUDITOR_DESCRIBES_CLUSTER, ADMIN_ALTERS_CLUSTER,
            READ_ORDERS, WRITE_ORD, READ_GROUP);

    private final RecordingDirectory directory = new RecordingDirectory(ALL);
    private final ApiMapper mapper = ApiMappers.mapper(ApiKeys.DELETE_ACLS);

    @Test
    void deletesWhatEachFilterMatchesAndListsIt() {
        AclBindingFilter topicsMatchingOrders = filter(ResourceType.TOPIC, "orders", PatternType.MATCH);
        AclBindingFilter groupOrders = filter(ResourceType.GROUP, "orders", PatternType.LITERAL);
        AclBindingFilter transactions = filter(ResourceType.TRANSACTIONAL_ID, null, PatternType.ANY);

        List<DeleteAclsFilterResult> results = results(delete(admin(), topicsMatchingOrders, groupOrders,
                transactions));

        assertThat(results).extracting(DeleteAclsFilterResult::errorCode).containsOnly(Errors.NONE.code());
        assertThat(deleted(results.get(0))).containsExactlyInAnyOrder(READ_ORDERS, WRITE_ORD);
        assertThat(deleted(results.get(1))).containsExactly(READ_GROUP);
        assertThat(deleted(results.get(2))).isEmpty();
        assertThat(directory.stored).containsExactly(AUDITOR_DESCRIBES_CLUSTER, ADMIN_ALTERS_CLUSTER);
        assertThat(directory.deletions).containsExactly(
                new RecordingDirectory.DeleteAcls("a", topicsMatchingOrders, "admin"),
                new RecordingDirectory.DeleteAcls("a", groupOrders, "admin"),
                new RecordingDirectory.DeleteAcls("a", transactions, "admin"));
    }

    @Test
    void runsTheFiltersOneAfterTheOtherSoTheFirstThatMatchesDeletes() {
        directory.store = new CompletableFuture<>();

        CompletableFuture<?> answer = delete(admin(), filter(ResourceType.TOPIC, "orders", PatternType.LITERAL),
                filter(ResourceType.TOPIC, null, PatternType.ANY));

        assertThat(directory.deletions).hasSize(1);
        assertThat(answer).isNotDone();
        directory.store.complete(null);
        List<DeleteAclsFilterResult> results = results(answer);
        assertThat(deleted(results.get(0))).containsExactly(READ_ORDERS);
        assertThat(deleted(results.get(1))).containsExactly(WRITE_ORD);
    }

    @Test
    void requiresAlterOnTheCluster() {
        FakeTenant auditor = FakeTenant.of(WITH_ACLS, ALL, "auditor").withDirectory(directory);

        List<DeleteAclsFilterResult> results = results(delete(auditor, AclBindingFilter.ANY, AclBindingFilter.ANY));

        assertThat(results).extracting(DeleteAclsFilterResult::errorCode)
                .containsExactly(Errors.CLUSTER_AUTHORIZATION_FAILED.code(),
                        Errors.CLUSTER_AUTHORIZATION_FAILED.code());
        assertThat(directory.deletions).isEmpty();
        assertThat(directory.stored).hasSize(ALL.size());
    }

    @Test
    void answersSecurityDisabledWhenTheVirtualClusterHasNoAcls() {
        FakeTenant root = FakeTenant.of(WITHOUT_ACLS, ALL, "root").withDirectory(directory);

        List<DeleteAclsFilterResult> results = results(delete(root, AclBindingFilter.ANY));

        assertThat(results).extracting(DeleteAclsFilterResult::errorCode, DeleteAclsFilterResult::errorMessage)
                .containsExactly(tuple(Errors.SECURITY_DISABLED.code(),
                        "ACLs are not enabled in virtual cluster a"));
        assertThat(directory.deletions).isEmpty();
    }

    @Test
    void refusesAFilterWithUnknownElementsAndRunsTheOthers() {
        DeleteAclsFilter unknown = DeleteAclsRequest.deleteAclsFilter(AclBindingFilter.ANY)
                .setOperation(AclOperation.UNKNOWN.code());
        DeleteAclsFilter groups = DeleteAclsRequest.deleteAclsFilter(filter(ResourceType.GROUP, null,
                PatternType.ANY));

        List<DeleteAclsFilterResult> results = results(delete(admin(), List.of(unknown, groups)));

        assertThat(results.get(0).errorCode()).isEqualTo(Errors.INVALID_REQUEST.code());
        assertThat(results.get(0).errorMessage()).isEqualTo("Unknown entryFilter.");
        assertThat(deleted(results.get(1))).containsExactly(READ_GROUP);
    }

    @Test
    void reportsAFailedStoreWriteOnItsFilter() {
        directory.store = CompletableFuture.failedFuture(new IllegalStateException("the store is unreachable"));

        List<DeleteAclsFilterResult> results = results(delete(admin(), AclBindingFilter.ANY));

        assertThat(results.get(0).errorCode()).isEqualTo(Errors.UNKNOWN_SERVER_ERROR.code());
        assertThat(results.get(0).errorMessage()).isEqualTo("the store is unreachable");
        assertThat(results.get(0).matchingAcls()).isEmpty();
    }

    private FakeTenant admin() {
        return FakeTenant.of(WITH_ACLS, ALL, "admin").withDirectory(directory);
    }

    private static AclBindingFilter filter(ResourceType type, String name, PatternType patternType) {
        return new AclBindingFilter(new ResourcePatternFilter(type, name, patternType),
                new AccessControlEntryFilter(null, null, AclOperation.ANY, AclPermissionType.ANY));
    }

    private CompletableFuture<?> delete(FakeTenant tenant, AclBindingFilter... filters) {
        return delete(tenant, List.of(filters).stream().map(DeleteAclsRequest::deleteAclsFilter).toList());
    }

    private CompletableFuture<?> delete(FakeTenant tenant, List<DeleteAclsFilter> filters) {
        Mapping mapping = mapper.map(new DeleteAclsRequestData().setFilters(filters), (short) 3, tenant);
        assertThat(mapping).isInstanceOf(Mapping.Answer.class);
        return ((Mapping.Answer) mapping).response().toCompletableFuture();
    }

    private static List<DeleteAclsFilterResult> results(CompletableFuture<?> answer) {
        assertThat(answer).isDone();
        return ((DeleteAclsResponseData) answer.join()).filterResults();
    }

    private static List<AclBinding> deleted(DeleteAclsFilterResult result) {
        return result.matchingAcls().stream().map(DeleteAclsResponse::aclBinding).toList();
    }
}
