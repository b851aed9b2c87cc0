package io.streamgate.core.vcluster.mapping;

import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.message.DeleteRecordsRequestData;
import org.apache.kafka.common.message.DeleteRecordsRequestData.DeleteRecordsPartition;
import org.apache.kafka.common.message.DeleteRecordsRequestData.DeleteRecordsTopic;
import org.apache.kafka.common.message.DeleteRecordsResponseData;
import org.apache.kafka.common.message.DeleteRecordsResponseData.DeleteRecordsPartitionResult;
import org.apache.kafka.common.message.DeleteRecordsResponseData.DeleteRecordsTopicResult;
import org.apache.kafka.common.message.ListOffsetsRequestData;
import org.apache.kafka.common.message.ListOffsetsRequestData.ListOffsetsPartition;
import org.apache.kafka.common.message.ListOffsetsRequestData.ListOffsetsTopic;
import org.apache.kafka.common.message.ListOffsetsResponseData;
import org.apache.kafka.common.message.ListOffsetsResponseData.ListOffsetsPartitionResponse;
import org.apache.kafka.common.message.ListOffsetsResponseData.ListOffsetsTopicResponse;
import org.apache.kafka.common.message.OffsetForLeaderEpochRequestData;
import org.apache.kafka.common.message.OffsetForLeaderEpochRequestData.OffsetForLeaderPartition;
import org.apache.kafka.common.message.OffsetForLeaderEpochRequestData.OffsetForLeaderTopic;
import org.apache.kafka.common.message.OffsetForLeaderEpochResponseData;
import org.apache.kafka.common.message.OffsetForLeaderEpochResponseData.EpochEndOffset;
import org.apache.kafka.common.message.OffsetForLeaderEpochResponseData.OffsetForLeaderTopicResult;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.streamgate.core.vcluster.mapping.Mappings.answered;
import static io.streamgate.core.vcluster.mapping.Mappings.mapped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** ListOffsets, OffsetForLeaderEpoch and DeleteRecords. */
class OffsetApiMappersTest {

    private final ScriptedTenant tenant = new ScriptedTenant().alias("shared", "public.shared", true);

    @Test
    void listsOffsetsOfThePhysicalTopicsAndRefusesUndescribableOnes() {
        tenant.deny(AclOperation.DESCRIBE, ResourceType.TOPIC, "secret");
        ListOffsetsRequestData request = new ListOffsetsRequestData().setTopics(new ArrayList<>(List.of(
                listOffsets("orders"), listOffsets("shared"), listOffsets("secret"))));
        short version = 11;

        Mapping mapping = new ListOffsetsMapper().map(request, version, tenant);

        assertThat(request.topics()).extracting(ListOffsetsTopic::name).containsExactly("a.orders", "public.shared");
        ListOffsetsResponseData broker = new ListOffsetsResponseData().setTopics(new ArrayList<>(List.of(
                new ListOffsetsTopicResponse().setName("a.orders"),
                new ListOffsetsTopicResponse().setName("public.shared"))));
        ListOffsetsResponseData response = mapped(mapping, broker, version);
        assertThat(response.topics()).extracting(ListOffsetsTopicResponse::name)
                .containsExactly("orders", "shared", "secret");
        assertThat(response.topics().get(2).partitions())
                .extracting(ListOffsetsPartitionResponse::errorCode, ListOffsetsPartitionResponse::offset)
                .containsExactly(tuple(Errors.TOPIC_AUTHORIZATION_FAILED.code(), -1L));
    }

    @Test
    void looksUpLeaderEpochsOfThePhysicalTopicsAndAnswersAloneWhenAllAreRefused() {
        OffsetForLeaderEpochRequestData request = new OffsetForLeaderEpochRequestData();
        request.topics().add(epochs("orders"));
        short version = 4;

        Mapping mapping = new OffsetForLeaderEpochMapper().map(request, version, tenant);

        assertThat(request.topics()).extracting(OffsetForLeaderTopic::topic).containsExactly("a.orders");
        assertThat(request.topics().find("a.orders")).isNotNull();
        OffsetForLeaderEpochResponseData broker = new OffsetForLeaderEpochResponseData();
        broker.topics().add(new OffsetForLeaderTopicResult().setTopic("a.orders"));
        assertThat(mapped(mapping, broker, version).topics()).extracting(OffsetForLeaderTopicResult::topic)
                .containsExactly("orders");

        tenant.deny(AclOperation.DESCRIBE, ResourceType.TOPIC, "secret");
        OffsetForLeaderEpochRequestData refused = new OffsetForLeaderEpochRequestData();
        refused.topics().add(epochs("secret"));
        OffsetForLeaderEpochResponseData answer = answered(new OffsetForLeaderEpochMapper().map(refused, version,
                tenant));
        assertThat(WireForm.roundTrip(answer, version).topics().find("secret").partitions())
                .extracting(EpochEndOffset::errorCode).containsExactly(Errors.TOPIC_AUTHORIZATION_FAILED.code());
    }

    @Test
    void deletesRecordsOnlyOfWritableTopics() {
        DeleteRecordsRequestData request = new DeleteRecordsRequestData().setTopics(new ArrayList<>(List.of(
                deleteRecords("orders"), deleteRecords("shared"))));
        short version = 2;

        Mapping mapping = new DeleteRecordsMapper().map(request, version, tenant);

        assertThat(request.topics()).extracting(DeleteRecordsTopic::name).containsExactly("a.orders");
        DeleteRecordsResponseData broker = new DeleteRecordsResponseData();
        broker.topics().add(new DeleteRecordsTopicResult().setName("a.orders"));
        DeleteRecordsResponseData response = mapped(mapping, broker, version);
        assertThat(response.topics().find("orders")).isNotNull();
        assertThat(response.topics().find("shared").partitions())
                .extracting(DeleteRecordsPartitionResult::errorCode, DeleteRecordsPartitionResult::lowWatermark)
                .containsExactly(tuple(Errors.TOPIC_AUTHORIZATION_FAILED.code(), -1L));
    }

    private static ListOffsetsTopic listOffsets(String name) {
        return new ListOffsetsTopic().setName(name)
                .setPartitions(new ArrayList<>(List.of(new ListOffsetsPartition().setPartitionIndex(0))));
    }

    private static OffsetForLeaderTopic epochs(String name) {
        return new OffsetForLeaderTopic().setTopic(name)
                .setPartitions(new ArrayList<>(List.of(new OffsetForLeaderPartition().setPartition(0))));
    }

    private static DeleteRecordsTopic deleteRecords(String name) {
        return new DeleteRecordsTopic().setName(name)
                .setPartitions(new ArrayList<>(List.of(new DeleteRecordsPartition().setPartitionIndex(0))));
    }
}
