package io.streamgate.core.vcluster.mapping;

import com.google.re2j.Pattern;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.message.ConsumerGroupDescribeRequestData;
import org.apache.kafka.common.message.ConsumerGroupDescribeResponseData;
import org.apache.kafka.common.message.ConsumerGroupDescribeResponseData.Assignment;
import org.apache.kafka.common.message.ConsumerGroupDescribeResponseData.DescribedGroup;
import org.apache.kafka.common.message.ConsumerGroupDescribeResponseData.Member;
import org.apache.kafka.common.message.ConsumerGroupDescribeResponseData.TopicPartitions;
import org.apache.kafka.common.message.ConsumerGroupHeartbeatRequestData;
import org.apache.kafka.common.message.ConsumerGroupHeartbeatResponseData;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.streamgate.core.vcluster.mapping.Mappings.answered;
import static io.streamgate.core.vcluster.mapping.Mappings.forwarded;
import static io.streamgate.core.vcluster.mapping.Mappings.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ConsumerGroupMappersTest {

    @Test
    void heartbeatPrefixesGroupAndSubscribedTopicsAndAliasesNameTheirPhysicalTopic() {
        ScriptedTenant tenant = new ScriptedTenant().alias("shared", "shared-orders", true);
        ConsumerGroupHeartbeatRequestData request = new ConsumerGroupHeartbeatRequestData().setGroupId("app")
                .setSubscribedTopicNames(List.of("orders", "shared"));

        Mapping.Forward forward = forwarded(request, 1, tenant);

        assertThat(request.groupId()).isEqualTo("a.app");
        assertThat(request.subscribedTopicNames()).containsExactly("a.orders", "shared-orders");
        assertThat(forward.response()).isSameAs(ResponseMapper.UNCHANGED);
    }

    @Test
    void heartbeatConfinesTheSubscribedRegexToTheTenantsPrefix() {
        ConsumerGroupHeartbeatRequestData request = new ConsumerGroupHeartbeatRequestData().setGroupId("app")
                .setSubscribedTopicRegex("orders.*");

        forwarded(request, 1, new ScriptedTenant());

        Pattern broker = Pattern.compile(request.subscribedTopicRegex());
        assertThat(broker.matcher("a.orders-eu").matches()).isTrue();
        assertThat(broker.matcher("b.orders-eu").matches()).isFalse();
        assertThat(broker.matcher("orders-eu").matches()).isFalse();
    }

    @Test
    void heartbeatWithARegexThatCouldEscapeThePrefixIsRefused() {
        ConsumerGroupHeartbeatResponseData response = answered(new ConsumerGroupHeartbeatRequestData()
                .setGroupId("app").setSubscribedTopicRegex("x)|(.*"), 1, new ScriptedTenant());

        assertThat(response.errorCode()).isEqualTo(Errors.INVALID_REGULAR_EXPRESSION.code());
    }

    @Test
    void heartbeatSubscribingToAnUndescribableTopicIsRefused() {
        ScriptedTenant tenant = new ScriptedTenant().deny(AclOperation.DESCRIBE, ResourceType.TOPIC, "secret");

        ConsumerGroupHeartbeatResponseData response = answered(new ConsumerGroupHeartbeatRequestData()
                .setGroupId("app").setSubscribedTopicNames(List.of("orders", "secret")), 1, tenant);

        assertThat(response.errorCode()).isEqualTo(Errors.TOPIC_AUTHORIZATION_FAILED.code());
    }

    @Test
    void heartbeatWithoutReadOnTheGroupIsRefused() {
        ScriptedTenant tenant = new ScriptedTenant().deny(AclOperation.READ, ResourceType.GROUP, "app");

        ConsumerGroupHeartbeatResponseData response = answered(new ConsumerGroupHeartbeatRequestData()
                .setGroupId("app"), 1, tenant);

        assertThat(response.errorCode()).isEqualTo(Errors.GROUP_AUTHORIZATION_FAILED.code());
    }

    @Test
    void describeUnprefixesGroupsSubscriptionsAndAssignments() {
        ScriptedTenant tenant = new ScriptedTenant().deny(AclOperation.DESCRIBE, ResourceType.GROUP, "secret");
        ConsumerGroupDescribeRequestData request = new ConsumerGroupDescribeRequestData()
                .setGroupIds(List.of("app", "secret"));

        Mapping.Forward forward = forwarded(request, 1, tenant);

        assertThat(request.groupIds()).containsExactly("a.app");
        Uuid orders = Uuid.randomUuid();
        Member member = new Member().setMemberId("m1").setSubscribedTopicNames(List.of("a.orders"))
                .setSubscribedTopicRegex(TenantRegex.physical("a.", "pay.*"))
                .setAssignment(new Assignment().setTopicPartitions(List.of(
                        new TopicPartitions().setTopicId(orders).setTopicName("a.orders").setPartitions(List.of(0)))))
                .setTargetAssignment(new Assignment());
        ConsumerGroupDescribeResponseData tenantResponse = response(forward, new ConsumerGroupDescribeResponseData()
                .setGroups(List.of(new DescribedGroup().setGroupId("a.app").setMembers(List.of(member)))), 1);

        assertThat(tenantResponse.groups()).extracting(DescribedGroup::groupId, DescribedGroup::errorCode)
                .containsExactly(tuple("app", Errors.NONE.code()),
                        tuple("secret", Errors.GROUP_AUTHORIZATION_FAILED.code()));
        Member described = tenantResponse.groups().get(0).members().get(0);
        assertThat(described.subscribedTopicNames()).containsExactly("orders");
        assertThat(described.subscribedTopicRegex()).isEqualTo("pay.*");
        assertThat(described.assignment().topicPartitions()).extracting(TopicPartitions::topicName)
                .containsExactly("orders");
    }

    @Test
    void describeOfAGroupAssignedAnUndescribableTopicFailsTheGroup() {
        ScriptedTenant tenant = new ScriptedTenant().deny(AclOperation.DESCRIBE, ResourceType.TOPIC, "secret");
        Mapping.Forward forward = forwarded(new ConsumerGroupDescribeRequestData().setGroupIds(List.of("app")), 1,
                tenant);
        Member member = new Member().setMemberId("m1").setSubscribedTopicNames(List.of("a.secret"))
                .setAssignment(new Assignment()).setTargetAssignment(new Assignment());

        ConsumerGroupDescribeResponseData tenantResponse = response(forward, new ConsumerGroupDescribeResponseData()
                .setGroups(List.of(new DescribedGroup().setGroupId("a.app").setMembers(List.of(member)))), 1);

        assertThat(tenantResponse.groups().get(0).errorCode()).isEqualTo(Errors.TOPIC_AUTHORIZATION_FAILED.code());
        assertThat(tenantResponse.groups().get(0).members()).isEmpty();
    }
}
