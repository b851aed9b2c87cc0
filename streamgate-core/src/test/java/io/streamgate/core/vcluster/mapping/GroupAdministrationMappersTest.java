package io.streamgate.core.vcluster.mapping;

import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.message.DeleteGroupsRequestData;
import org.apache.kafka.common.message.DeleteGroupsResponseData;
import org.apache.kafka.common.message.DeleteGroupsResponseData.DeletableGroupResult;
import org.apache.kafka.common.message.DeleteGroupsResponseData.DeletableGroupResultCollection;
import org.apache.kafka.common.message.DescribeGroupsRequestData;
import org.apache.kafka.common.message.DescribeGroupsResponseData;
import org.apache.kafka.common.message.DescribeGroupsResponseData.DescribedGroup;
import org.apache.kafka.common.message.ListGroupsRequestData;
import org.apache.kafka.common.message.ListGroupsResponseData;
import org.apache.kafka.common.message.ListGroupsResponseData.ListedGroup;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.streamgate.core.vcluster.mapping.Mappings.answered;
import static io.streamgate.core.vcluster.mapping.Mappings.forwarded;
import static io.streamgate.core.vcluster.mapping.Mappings.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class GroupAdministrationMappersTest {

    @Test
    void describeGroupsPrefixesGroupsUnprefixesTheResponseAndRefusesUndescribableGroups() {
        ScriptedTenant tenant = new ScriptedTenant().deny(AclOperation.DESCRIBE, ResourceType.GROUP, "secret")
                .deny(AclOperation.DELETE, ResourceType.GROUP, "app");
        DescribeGroupsRequestData request = new DescribeGroupsRequestData().setGroups(List.of("app", "secret"))
                .setIncludeAuthorizedOperations(true);

        Mapping.Forward forward = forwarded(request, 5, tenant);

        assertThat(request.groups()).containsExactly("a.app");
        DescribeGroupsResponseData tenantResponse = response(forward, new DescribeGroupsResponseData().setGroups(
                List.of(new DescribedGroup().setGroupId("a.app").setAuthorizedOperations(-1))), 5);
        assertThat(tenantResponse.groups()).extracting(DescribedGroup::groupId, DescribedGroup::errorCode)
                .containsExactly(tuple("app", Errors.NONE.code()),
                        tuple("secret", Errors.GROUP_AUTHORIZATION_FAILED.code()));
        int operations = tenantResponse.groups().get(0).authorizedOperations();
        assertThat(operations & (1 << AclOperation.READ.code())).isNotZero();
        assertThat(operations & (1 << AclOperation.DELETE.code())).as("computed from the tenant's ACLs").isZero();
    }

    @Test
    void listGroupsKeepsOnlyTheTenantsDescribableGroupsUnprefixed() {
        ScriptedTenant tenant = new ScriptedTenant().deny(AclOperation.DESCRIBE, ResourceType.CLUSTER, "kafka-cluster")
                .deny(AclOperation.DESCRIBE, ResourceType.GROUP, "hidden");
        ListGroupsRequestData request = new ListGroupsRequestData().setStatesFilter(List.of("Stable"));

        Mapping.Forward forward = forwarded(request, 5, tenant);

        assertThat(request.statesFilter()).containsExactly("Stable");
        ListGroupsResponseData tenantResponse = response(forward, new ListGroupsResponseData().setGroups(List.of(
                new ListedGroup().setGroupId("a.app"), new ListedGroup().setGroupId("a.hidden"),
                new ListedGroup().setGroupId("b.app"), new ListedGroup().setGroupId("app"))), 5);
        assertThat(tenantResponse.groups()).extracting(ListedGroup::groupId).containsExactly("app");
    }

    @Test
    void deleteGroupsPrefixesGroupsAndRefusesGroupsWithoutDelete() {
        ScriptedTenant tenant = new ScriptedTenant().deny(AclOperation.DELETE, ResourceType.GROUP, "kept");
        DeleteGroupsRequestData request = new DeleteGroupsRequestData().setGroupsNames(List.of("app", "kept"));

        Mapping.Forward forward = forwarded(request, 2, tenant);

        assertThat(request.groupsNames()).containsExactly("a.app");
        DeletableGroupResultCollection results = new DeletableGroupResultCollection();
        results.add(new DeletableGroupResult().setGroupId("a.app"));
        DeleteGroupsResponseData tenantResponse = response(forward,
                new DeleteGroupsResponseData().setResults(results), 2);
        assertThat(tenantResponse.results().find("app").errorCode()).isEqualTo(Errors.NONE.code());
        assertThat(tenantResponse.results().find("kept").errorCode())
                .isEqualTo(Errors.GROUP_AUTHORIZATION_FAILED.code());
        assertThat(tenantResponse.results().find("a.app")).isNull();
    }

    @Test
    void deleteGroupsOfOnlyRefusedGroupsIsAnsweredWithoutTheBroker() {
        ScriptedTenant tenant = new ScriptedTenant().deny(AclOperation.DELETE, ResourceType.GROUP, "kept");

        DeleteGroupsResponseData response = answered(new DeleteGroupsRequestData().setGroupsNames(List.of("kept")),
                2, tenant);

        assertThat(response.results().find("kept").errorCode()).isEqualTo(Errors.GROUP_AUTHORIZATION_FAILED.code());
    }
}
