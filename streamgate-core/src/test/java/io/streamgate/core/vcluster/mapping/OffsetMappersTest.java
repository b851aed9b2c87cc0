package io.streamgate.core.vcluster.mapping;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.message.OffsetCommitRequestData;
import org.apache.kafka.common.message.OffsetCommitRequestData.OffsetCommitRequestPartition;
import org.apache.kafka.common.message.OffsetCommitRequestData.OffsetCommitRequestTopic;
import org.apache.kafka.common.message.OffsetCommitResponseData;
import org.apache.kafka.common.message.OffsetCommitResponseData.OffsetCommitResponsePartition;
import org.apache.kafka.common.message.OffsetCommitResponseData.OffsetCommitResponseTopic;
import org.apache.kafka.common.message.OffsetDeleteRequestData;
import org.apache.kafka.common.message.OffsetDeleteRequestData.OffsetDeleteRequestPartition;
import org.apache.kafka.common.message.OffsetDeleteRequestData.OffsetDeleteRequestTopic;
import org.apache.kafka.common.message.OffsetDeleteRequestData.OffsetDeleteRequestTopicCollection;
import org.apache.kafka.common.message.OffsetDeleteResponseData;
import org.apache.kafka.common.message.OffsetDeleteResponseData.OffsetDeleteResponsePartition;
import org.apache.kafka.common.message.OffsetDeleteResponseData.OffsetDeleteResponsePartitionCollection;
import org.apache.kafka.common.message.OffsetDeleteResponseData.OffsetDeleteResponseTopic;
import org.apache.kafka.common.message.OffsetDeleteResponseData.OffsetDeleteResponseTopicCollection;
import org.apache.kafka.common.message.OffsetFetchRequestData;
import org.apache.kafka.common.message.OffsetFetchRequestData.OffsetFetchRequestGroup;
import org.apache.kafka.common.message.OffsetFetchRequestData.OffsetFetchRequestTopic;
import org.apache.kafka.common.message.OffsetFetchRequestData.OffsetFetchRequestTopics;
import org.apache.kafka.common.message.OffsetFetchResponseData;
import org.apache.kafka.common.message.OffsetFetchResponseData.OffsetFetchResponseGroup;
import org.apache.kafka.common.message.OffsetFetchResponseData.OffsetFetchResponsePartition;
import org.apache.kafka.common.message.OffsetFetchResponseData.OffsetFetchResponseTopic;
import org.apache.kafka.common.message.OffsetFetchResponseData.OffsetFetchResponseTopics;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.streamgate.core.vcluster.mapping.Mappings.answered;
import static io.streamgate.core.vcluster.mapping.Mappings.forwarded;
import static io.streamgate.core.vcluster.mapping.Mappings.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class OffsetMappersTest {

    private static OffsetCommitRequestTopic commitTopic(String name, Uuid id) {
        return new OffsetCommitRequestTopic().setName(name).setTopicId(id).setPartitions(List.of(
                new OffsetCommitRequestPartition().setPartitionIndex(0).setCommittedOffset(42)));
    }

    @Test
    void offsetCommitPrefixesGroupAndTopicsAndRefusesUnreadableTopics() {
        ScriptedTenant tenant = new ScriptedTenant().deny(AclOperation.READ, ResourceType.TOPIC, "secret");
        OffsetCommitRequestData request = new OffsetCommitRequestData().setGroupId("app")
                .setTopics(List.of(commitTopic("orders", Uuid.ZERO_UUID), commitTopic("secret", Uuid.ZERO_UUID)));

        Mapping.Forward forward = forwarded(request, 9, tenant);

        assertThat(request.groupId()).isEqualTo("a.app");
        assertThat(request.topics()).extracting(OffsetCommitRequestTopic::name).containsExactly("a.orders");
        OffsetCommitResponseData tenantResponse = response(forward, new OffsetCommitResponseData().setTopics(List.of(
                new OffsetCommitResponseTopic().setName("a.orders").setPartitions(List.of(
                        new OffsetCommitResponsePartition().setPartitionIndex(0))))), 9);
        assertThat(tenantResponse.topics()).extracting(OffsetCommitResponseTopic::name,
                        topic -> topic.partitions().get(0).errorCode())
                .containsExactly(tuple("orders", Errors.NONE.code()),
                        tuple("secret", Errors.TOPIC_AUTHORIZATION_FAILED.code()));
    }

    @Test
    void offsetCommitByTopicIdRefusesAnotherTenantsTopicAsUnknown() {
        Uuid ours = Uuid.randomUuid();
        Uuid theirs = Uuid.randomUuid();
        ScriptedTenant tenant = new ScriptedTenant().topicId(ours, "a.orders").topicId(theirs, "b.orders");
        OffsetCommitRequestData request = new OffsetCommitRequestData().setGroupId("app")
                .setTopics(List.of(commitTopic("", ours), commitTopic("", theirs)));

        assertThat(ApiMappers.mapper(ApiKeys.OFFSET_COMMIT).topicIds(request, (short) 10))
                .containsExactly(ours, theirs);
        Mapping.Forward forward = forwarded(request, 10, tenant);

        assertThat(request.topics()).extracting(OffsetCommitRequestTopic::topicId).containsExactly(ours);
        OffsetCommitResponseData tenantResponse = response(forward, new OffsetCommitResponseData(), 10);
        assertThat(tenantResponse.topics()).extracting(OffsetCommitResponseTopic::topicId,
                        topic -> topic.partitions().get(0).errorCode())
                .containsExactly(tuple(theirs, Errors.UNKNOWN_TOPIC_ID.code()));
    }

    @Test
    void offsetCommitWithoutReadOnTheGroupFailsEveryPartition() {
        ScriptedTenant tenant = new ScriptedTenant().deny(AclOperation.READ, ResourceType.GROUP, "app");

        OffsetCommitResponseData response = answered(new OffsetCommitRequestData().setGroupId("app")
                .setTopics(List.of(commitTopic("orders", Uuid.ZERO_UUID))), 9, tenant);

        assertThat(response.topics().get(0).partitions().get(0).errorCode())
                .isEqualTo(Errors.GROUP_AUTHORIZATION_FAILED.code());
    }

    @Test
    void offsetCommitIsAllowedInReadOnlyVirtualCluster() {
        OffsetCommitRequestData request = new OffsetCommitRequestData().setGroupId("app")
                .setTopics(List.of(commitTopic("orders", Uuid.ZERO_UUID)));

        forwarded(request, 9, new ScriptedTenant().readOnlyCluster());

        assertThat(request.topics()).extracting(OffsetCommitRequestTopic::name).containsExactly("a.orders");
    }

    @Test
    void offsetFetchOfAllTopicsKeepsOnlyTheTenantsDescribableTopics() {
        ScriptedTenant tenant = new ScriptedTenant().deny(AclOperation.DESCRIBE, ResourceType.TOPIC, "hidden");
        OffsetFetchRequestData request = new OffsetFetchRequestData().setGroupId("app").setTopics(null);

        Mapping.Forward forward = forwarded(request, 7, tenant);

        assertThat(request.groupId()).isEqualTo("a.app");
        OffsetFetchResponseData brokerResponse = new OffsetFetchResponseData().setTopics(List.of(
                new OffsetFetchResponseTopic().setName("a.orders"),
                new OffsetFetchResponseTopic().setName("a.hidden"),
                new OffsetFetchResponseTopic().setName("b.orders"),
                new OffsetFetchResponseTopic().setName("__consumer_offsets")));
        OffsetFetchResponseData tenantResponse = response(forward, brokerResponse, 7);
        assertThat(tenantResponse.topics()).extracting(OffsetFetchResponseTopic::name).containsExactly("orders");
    }

    @Test
    void offsetFetchOfNamedTopicsRefusesUndescribableOnes() {
        ScriptedTenant tenant = new ScriptedTenant().deny(AclOperation.DESCRIBE, ResourceType.TOPIC, "secret");
        OffsetFetchRequestData request = new OffsetFetchRequestData().setGroupId("app").setTopics(List.of(
                new OffsetFetchRequestTopic().setName("orders").setPartitionIndexes(List.of(0)),
                new OffsetFetchRequestTopic().setName("secret").setPartitionIndexes(List.of(0))));

        Mapping.Forward forward = forwarded(request, 7, tenant);

        assertThat(request.topics()).extracting(OffsetFetchRequestTopic::name).containsExactly("a.orders");
        OffsetFetchResponseData tenantResponse = response(forward, new OffsetFetchResponseData().setTopics(List.of(
                new OffsetFetchResponseTopic().setName("a.orders").setPartitions(List.of(
                        new OffsetFetchResponsePartition().setPartitionIndex(0).setCommittedOffset(5))))), 7);
        assertThat(tenantResponse.topics()).extracting(OffsetFetchResponseTopic::name,
                        topic -> topic.partitions().get(0).errorCode())
                .containsExactly(tuple("orders", Errors.NONE.code()),
                        tuple("secret", Errors.TOPIC_AUTHORIZATION_FAILED.code()));
    }

    @Test
    void offsetFetchOfSeveralGroupsMapsEachAndRefusesUndescribableGroups() {
        ScriptedTenant tenant = new ScriptedTenant().deny(AclOperation.DESCRIBE, ResourceType.GROUP, "other");
        OffsetFetchRequestData request = new OffsetFetchRequestData().setGroups(List.of(
                new OffsetFetchRequestGroup().setGroupId("app").setTopics(List.of(
                        new OffsetFetchRequestTopics().setName("orders").setPartitionIndexes(List.of(0)))),
                new OffsetFetchRequestGroup().setGroupId("other").setTopics(null)));

        Mapping.Forward forward = forwarded(request, 9, tenant);

        assertThat(request.groups()).extracting(OffsetFetchRequestGroup::groupId).containsExactly("a.app");
        assertThat(request.groups().get(0).topics()).extracting(OffsetFetchRequestTopics::name)
                .containsExactly("a.orders");
        OffsetFetchResponseData tenantResponse = response(forward, new OffsetFetchResponseData().setGroups(List.of(
                new OffsetFetchResponseGroup().setGroupId("a.app").setTopics(List.of(
                        new OffsetFetchResponseTopics().setName("a.orders"))))), 9);
        assertThat(tenantResponse.groups()).extracting(OffsetFetchResponseGroup::groupId,
                        OffsetFetchResponseGroup::errorCode)
                .containsExactly(tuple("app", Errors.NONE.code()),
                        tuple("other", Errors.GROUP_AUTHORIZATION_FAILED.code()));
        assertThat(tenantResponse.groups().get(0).topics()).extracting(OffsetFetchResponseTopics::name)
                .containsExactly("orders");
    }

    @Test
    void offsetFetchOfAllTopicsByIdDropsTopicsThatAreNotTheTenants() {
        Uuid ours = Uuid.randomUuid();
        Uuid theirs = Uuid.randomUuid();
        ScriptedTenant tenant = new ScriptedTenant().topicId(ours, "a.orders").topicId(theirs, "b.orders");
        OffsetFetchRequestData request = new OffsetFetchRequestData().setGroups(List.of(
                new OffsetFetchRequestGroup().setGroupId("app").setTopics(null)));

        Mapping.Forward forward = forwarded(request, 10, tenant);

        OffsetFetchResponseData tenantResponse = response(forward, new OffsetFetchResponseData().setGroups(List.of(
                new OffsetFetchResponseGroup().setGroupId("a.app").setTopics(List.of(
                        new OffsetFetchResponseTopics().setTopicId(ours),
                        new OffsetFetchResponseTopics().setTopicId(theirs))))), 10);
        assertThat(tenantResponse.groups().get(0).topics()).extracting(OffsetFetchResponseTopics::topicId)
                .containsExactly(ours);
    }

    @Test
    void offsetDeletePrefixesGroupAndTopicsAndRefusesUnreadableTopics() {
        ScriptedTenant tenant = new ScriptedTenant().deny(AclOperation.READ, ResourceType.TOPIC, "secret");
        OffsetDeleteRequestTopicCollection topics = new OffsetDeleteRequestTopicCollection();
        for (String name : List.of("orders", "secret")) {
            topics.add(new OffsetDeleteRequestTopic().setName(name).setPartitions(List.of(
                    new OffsetDeleteRequestPartition().setPartitionIndex(0))));
        }
        OffsetDeleteRequestData request = new OffsetDeleteRequestData().setGroupId("app").setTopics(topics);

        Mapping.Forward forward = forwarded(request, 0, tenant);

        assertThat(request.groupId()).isEqualTo("a.app");
        assertThat(request.topics()).extracting(OffsetDeleteRequestTopic::name).containsExactly("a.orders");
        assertThat(request.topics().find("a.orders")).isNotNull();
        OffsetDeleteResponsePartitionCollection partitions = new OffsetDeleteResponsePartitionCollection();
        partitions.add(new OffsetDeleteResponsePartition().setPartitionIndex(0));
        OffsetDeleteResponseTopicCollection brokerTopics = new OffsetDeleteResponseTopicCollection();
        brokerTopics.add(new OffsetDeleteResponseTopic().setName("a.orders").setPartitions(partitions));
        OffsetDeleteResponseData tenantResponse = response(forward,
                new OffsetDeleteResponseData().setTopics(brokerTopics), 0);
        assertThat(tenantResponse.topics().find("orders")).isNotNull();
        assertThat(tenantResponse.topics().find("secret").partitions().find(0).errorCode())
                .isEqualTo(Errors.TOPIC_AUTHORIZATION_FAILED.code());
        assertThat(tenantResponse.topics()).hasSize(2);
    }

    @Test
    void offsetDeleteWithoutDeleteOnTheGroupIsRefused() {
        ScriptedTenant tenant = new ScriptedTenant().deny(AclOperation.DELETE, ResourceType.GROUP, "app");

        OffsetDeleteResponseData response = answered(new OffsetDeleteRequestData().setGroupId("app"), 0, tenant);

        assertThat(response.errorCode()).isEqualTo(Errors.GROUP_AUTHORIZATION_FAILED.code());
    }
}
