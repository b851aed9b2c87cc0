package io.streamgate.core.vcluster.mapping;

import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.message.AlterPartitionReassignmentsRequestData;
import org.apache.kafka.common.message.AlterPartitionReassignmentsRequestData.ReassignablePartition;
import org.apache.kafka.common.message.AlterPartitionReassignmentsRequestData.ReassignableTopic;
import org.apache.kafka.common.message.AlterPartitionReassignmentsResponseData;
import org.apache.kafka.common.message.AlterPartitionReassignmentsResponseData.ReassignableTopicResponse;
import org.apache.kafka.common.message.DescribeProducersRequestData;
import org.apache.kafka.common.message.DescribeProducersResponseData;
import org.apache.kafka.common.message.DescribeProducersResponseData.PartitionResponse;
import org.apache.kafka.common.message.DescribeProducersResponseData.TopicResponse;
import org.apache.kafka.common.message.ElectLeadersRequestData;
import org.apache.kafka.common.message.ElectLeadersRequestData.TopicPartitions;
import org.apache.kafka.common.message.ElectLeadersResponseData;
import org.apache.kafka.common.message.ElectLeadersResponseData.PartitionResult;
import org.apache.kafka.common.message.ElectLeadersResponseData.ReplicaElectionResult;
import org.apache.kafka.common.message.ListPartitionReassignmentsRequestData;
import org.apache.kafka.common.message.ListPartitionReassignmentsRequestData.ListPartitionReassignmentsTopics;
import org.apache.kafka.common.message.ListPartitionReassignmentsResponseData;
import org.apache.kafka.common.message.ListPartitionReassignmentsResponseData.OngoingTopicReassignment;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.resource.Resource;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.streamgate.core.vcluster.mapping.Mappings.answered;
import static io.streamgate.core.vcluster.mapping.Mappings.mapped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** ElectLeaders, Alter/ListPartitionReassignments and DescribeProducers. */
class PartitionAdministrationMappersTest {

    private final ScriptedTenant tenant = new ScriptedTenant().alias("shared", "public.shared", false);

    @Test
    void electsLeadersOfTheTenantsOwnTopicsButNotOfAnAlias() {
        ElectLeadersRequestData request = new ElectLeadersRequestData();
        request.topicPartitions().add(new TopicPartitions().setTopic("orders").setPartitions(List.of(0)));
        request.topicPartitions().add(new TopicPartitions().setTopic("shared").setPartitions(List.of(1)));
        short version = 2;

        Mapping mapping = new ElectLeadersMapper().map(request, version, tenant);

        assertThat(request.topicPartitions()).extracting(TopicPartitions::topic).containsExactly("a.orders");
        assertThat(request.topicPartitions().find("a.orders")).isNotNull();
        ElectLeadersResponseData broker = new ElectLeadersResponseData().setReplicaElectionResults(
                new ArrayList<>(List.of(new ReplicaElectionResult().setTopic("a.orders"))));
        assertThat(mapped(mapping, broker, version).replicaElectionResults())
                .flatExtracting(result -> result.partitionResult().stream()
                        .map(partition -> tuple(result.topic(), partition.errorCode())).toList())
                .containsExactly(tuple("shared", Errors.TOPIC_AUTHORIZATION_FAILED.code()));
    }

    @Test
    void anElectionOfEveryPartitionOfThePhysicalClusterIsRefused() {
        ElectLeadersRequestData request = new ElectLeadersRequestData().setTopicPartitions(null);

        ElectLeadersResponseData response = answered(new ElectLeadersMapper().map(request, (short) 2, tenant));
        ElectLeadersResponseData v0 = answered(new ElectLeadersMapper().map(request, (short) 0, tenant));

        assertThat(WireForm.roundTrip(response, (short) 2).errorCode())
                .isEqualTo(Errors.CLUSTER_AUTHORIZATION_FAILED.code());
        assertThat(WireForm.roundTrip(v0, (short) 0).replicaElectionResults()).isEmpty();
    }

    @Test
    void anElectionWithoutAlterOnTheClusterFailsEveryPartition() {
        tenant.deny(AclOperation.ALTER, ResourceType.CLUSTER, Resource.CLUSTER_NAME);
        ElectLeadersRequestData request = new ElectLeadersRequestData();
        request.topicPartitions().add(new TopicPartitions().setTopic("orders").setPartitions(List.of(0, 1)));

        ElectLeadersResponseData response = WireForm.roundTrip(
                answered(new ElectLeadersMapper().map(request, (short) 1, tenant)), (short) 1);

        assertThat(response.replicaElectionResults()).flatExtracting(ReplicaElectionResult::partitionResult)
                .extracting(PartitionResult::errorCode)
                .containsOnly(Errors.CLUSTER_AUTHORIZATION_FAILED.code()).hasSize(2);
    }

    @Test
    void reassignsTheTenantsOwnTopicsButNotAnAliasWhichIsSomeoneElses() {
        AlterPartitionReassignmentsRequestData request = new AlterPartitionReassignmentsRequestData()
                .setTopics(new ArrayList<>(List.of(reassign("orders"), reassign("shared"))));
        short version = 1;

        Mapping mapping = new AlterPartitionReassignmentsMapper().map(request, version, tenant);

        assertThat(request.topics()).extracting(ReassignableTopic::name).containsExactly("a.orders");
        AlterPartitionReassignmentsResponseData broker = new AlterPartitionReassignmentsResponseData()
                .setResponses(new ArrayList<>(List.of(new ReassignableTopicResponse().setName("a.orders"))));
        assertThat(mapped(mapping, broker, version).responses()).extracting(ReassignableTopicResponse::name)
                .containsExactly("orders", "shared");
    }

    @Test
    void reassigningWithoutAlterOnTheClusterIsRefused() {
        tenant.deny(AclOperation.ALTER, ResourceType.CLUSTER, Resource.CLUSTER_NAME);
        AlterPartitionReassignmentsRequestData request = new AlterPartitionReassignmentsRequestData()
                .setTopics(new ArrayList<>(List.of(reassign("orders"))));

        AlterPartitionReassignmentsResponseData response = WireForm.roundTrip(answered(
                new AlterPartitionReassignmentsMapper().map(request, (short) 0, tenant)), (short) 0);

        assertThat(response.errorCode()).isEqualTo(Errors.CLUSTER_AUTHORIZATION_FAILED.code());
    }

    @Test
    void listsOnlyTheTenantsOngoingReassignments() {
        ListPartitionReassignmentsRequestData request = new ListPartitionReassignmentsRequestData().setTopics(null);
        short version = 0;

        Mapping mapping = new ListPartitionReassignmentsMapper().map(request, version, tenant);

        ListPartitionReassignmentsResponseData broker = new ListPartitionReassignmentsResponseData().setTopics(
                new ArrayList<>(List.of(new OngoingTopicReassignment().setName("a.orders"),
                        new OngoingTopicReassignment().setName("b.orders"))));
        assertThat(mapped(mapping, broker, version).topics()).extracting(OngoingTopicReassignment::name)
                .containsExactly("orders");
    }

    @Test
    void listsReassignmentsOfNamedTopicsUnderTheirPhysicalNames() {
        ListPartitionReassignmentsRequestData request = new ListPartitionReassignmentsRequestData().setTopics(
                new ArrayList<>(List.of(new ListPartitionReassignmentsTopics().setName("orders"))));

        new ListPartitionReassignmentsMapper().map(request, (short) 0, tenant);

        assertThat(request.topics()).extracting(ListPartitionReassignmentsTopics::name).containsExactly("a.orders");
    }

    @Test
    void describesProducersOfTopicsTheTenantMayRead() {
        tenant.deny(AclOperation.READ, ResourceType.TOPIC, "secret");
        DescribeProducersRequestData request = new DescribeProducersRequestData();
        request.topics().add(new DescribeProducersRequestData.TopicRequest().setName("orders")
                .setPartitionIndexes(List.of(0)));
        request.topics().add(new DescribeProducersRequestData.TopicRequest().setName("secret")
                .setPartitionIndexes(List.of(3)));
        short version = 0;

        Mapping mapping = new DescribeProducersMapper().map(request, version, tenant);

        assertThat(request.topics().find("a.orders")).isNotNull();
        assertThat(request.topics()).hasSize(1);
        DescribeProducersResponseData broker = new DescribeProducersResponseData().setTopics(new ArrayList<>(List.of(
                new TopicResponse().setName("a.orders"))));
        DescribeProducersResponseData response = mapped(mapping, broker, version);
        assertThat(response.topics()).extracting(TopicResponse::name).containsExactly("orders", "secret");
        assertThat(response.topics().get(1).partitions())
                .extracting(PartitionResponse::partitionIndex, PartitionResponse::errorCode)
                .containsExactly(tuple(3, Errors.TOPIC_AUTHORIZATION_FAILED.code()));
    }

    private static ReassignableTopic reassign(String name) {
        return new ReassignableTopic().setName(name).setPartitions(new ArrayList<>(List.of(
                new ReassignablePartition().setPartitionIndex(0).setReplicas(List.of(1, 2)))));
    }
}
