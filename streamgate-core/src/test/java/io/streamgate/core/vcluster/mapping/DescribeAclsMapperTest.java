package io.streamgate.core.vcluster.mapping;

import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.message.DescribeAclsRequestData;
import org.apache.kafka.common.message.DescribeAclsResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.DescribeAclsResponse;
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

class DescribeAclsMapperTest {

    private static final AclBinding READ_ORDERS = allow(ResourceType.TOPIC, "orders", PatternType.LITERAL,
            "User:alice", AclOperation.READ);
    private static final AclBinding DESCRIBE_ORDERS = allow(ResourceType.TOPIC, "orders", PatternType.LITERAL,
            "User:bob", AclOperation.DESCRIBE);
    private static final AclBinding WRITE_ORD = allow(ResourceType.TOPIC, "ord", PatternType.PREFIXED,
            "Group:billing", AclOperation.WRITE);
    private static final AclBinding READ_GROUP = allow(ResourceType.GROUP, "orders", PatternType.LITERAL,
            "User:alice", AclOperation.READ);
    private static final List<AclBinding> ALL = List.of(AUDITOR_DESCRIBES_CLUSTER, ADMIN_ALTERS_CLUSTER,
            READ_ORDERS, DESCRIBE_ORDERS, WRITE_ORD, READ_GROUP);

    private final ApiMapper mapper = ApiMappers.mapper(ApiKeys.DESCRIBE_ACLS);

    @Test
    void describesTheVirtualClustersBindingsThatMatchTheFilter() {
        FakeTenant auditor = FakeTenant.of(WITH_ACLS, ALL, "auditor");

        DescribeAclsResponseData literal = describe(auditor, filter(ResourceType.TOPIC, "orders",
                PatternType.LITERAL));
        DescribeAclsResponseData match = describe(auditor, filter(ResourceType.TOPIC, "orders", PatternType.MATCH));
        DescribeAclsResponseData any = describe(auditor, filter(ResourceType.ANY, null, PatternType.ANY));

        assertThat(literal.errorCode()).isEqualTo(Errors.NONE.code());
        assertThat(literal.resources()).hasSize(1);
        assertThat(DescribeAclsResponse.aclBindings(literal.resources()))
                .containsExactlyInAnyOrder(READ_ORDERS, DESCRIBE_ORDERS);
        assertThat(DescribeAclsResponse.aclBindings(match.resources()))
                .containsExactlyInAnyOrder(READ_ORDERS, DESCRIBE_ORDERS, WRITE_ORD);
        assertThat(DescribeAclsResponse.aclBindings(any.resources())).containsExactlyInAnyOrderElementsOf(ALL);
    }

    @Test
    void filtersByPrincipalOperationAndPermission() {
        DescribeAclsRequestData alicesReads = filter(ResourceType.ANY, null, PatternType.ANY)
                .setPrincipalFilter("User:alice").setOperation(AclOperation.READ.code())
                .setPermissionType(AclPermissionType.ALLOW.code());

        assertThat(DescribeAclsResponse.aclBindings(describe(FakeTenant.of(WITH_ACLS, ALL, "auditor"), alicesReads)
                .resources())).containsExactlyInAnyOrder(READ_ORDERS, READ_GROUP);
    }

    @Test
    void requiresDescribeOnTheClusterWhichAlterImplies() {
        DescribeAclsRequestData everything = filter(ResourceType.ANY, null, PatternType.ANY);

        DescribeAclsResponseData alice = describe(FakeTenant.of(WITH_ACLS, ALL, "alice"), everything);
        assertThat(alice.errorCode()).isEqualTo(Errors.CLUSTER_AUTHORIZATION_FAILED.code());
        assertThat(alice.resources()).isEmpty();
        assertThat(describe(FakeTenant.of(WITH_ACLS, ALL, "admin"), everything).resources()).isNotEmpty();
        assertThat(describe(FakeTenant.of(WITH_ACLS, ALL, "root"), everything).resources())
                .as("a super user").isNotEmpty();
    }

    @Test
    void answersSecurityDisabledWhenTheVirtualClusterHasNoAcls() {
        DescribeAclsResponseData response = describe(FakeTenant.of(WITHOUT_ACLS, ALL, "root"),
                filter(ResourceType.ANY, null, PatternType.ANY));

        assertThat(response.errorCode()).isEqualTo(Errors.SECURITY_DISABLED.code());
        assertThat(response.errorMessage()).isEqualTo("ACLs are not enabled in virtual cluster a");
        assertThat(response.resources()).isEmpty();
    }

    @Test
    void refusesAFilterWithUnknownElements() {
        DescribeAclsResponseData response = describe(FakeTenant.of(WITH_ACLS, ALL, "auditor"),
                filter(ResourceType.ANY, null, PatternType.ANY).setOperation(AclOperation.UNKNOWN.code()));

        assertThat(response.errorCode()).isEqualTo(Errors.INVALID_REQUEST.code());
        assertThat(response.resources()).isEmpty();
    }

    private static DescribeAclsRequestData filter(ResourceType type, String name, PatternType patternType) {
        return new DescribeAclsRequestData().setResourceTypeFilter(type.code()).setResourceNameFilter(name)
                .setPatternTypeFilter(patternType.code()).setPrincipalFilter(null).setHostFilter(null)
                .setOperation(AclOperation.ANY.code()).setPermissionType(AclPermissionType.ANY.code());
    }

    private DescribeAclsResponseData describe(FakeTenant tenant, DescribeAclsRequestData request) {
        Mapping mapping = mapper.map(request, (short) 3, tenant);
        assertThat(mapping).isInstanceOf(Mapping.Answer.class);
        CompletableFuture<?> answer = ((Mapping.Answer) mapping).response().toCompletableFuture();
        assertThat(answer).isDone();
        return (DescribeAclsResponseData) answer.join();
    }
}
