package io.streamgate.core.vcluster.mapping;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.message.ProduceRequestData.PartitionProduceData;
import org.apache.kafka.common.message.ProduceRequestData.TopicProduceData;
import org.apache.kafka.common.message.ProduceResponseData;
import org.apache.kafka.common.message.ProduceResponseData.PartitionProduceResponse;
import org.apache.kafka.common.message.ProduceResponseData.TopicProduceResponse;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.streamgate.core.vcluster.mapping.Mappings.answered;
import static io.streamgate.core.vcluster.mapping.Mappings.forwarded;
import static io.streamgate.core.vcluster.mapping.Mappings.mapped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ProduceMapperTest {

    private static final short BY_NAME = 12;
    private static final short BY_ID = 13;
    private final ProduceMapper mapper = new ProduceMapper();
    private final ScriptedTenant tenant = new ScriptedTenant().alias("shared", "public.shared", true);

    @Test
    void producesToThePhysicalTopicsUnderThePrefixedTransactionalId() {
        ProduceRequestData request = request(topic("orders", 0, 1)).setTransactionalId("tx-1");

        Mapping mapping = mapper.map(request, BY_NAME, tenant);

        assertThat(request.transactionalId()).isEqualTo("a.tx-1");
        assertThat(request.topicData()).extracting(TopicProduceData::name).containsExactly("a.orders");
        assertThat(request.topicData().find("a.orders", Uuid.ZERO_UUID)).isNotNull();
        ProduceResponseData response = mapped(mapping, response("a.orders"), BY_NAME);
        assertThat(response.responses()).extracting(TopicProduceResponse::name).containsExactly("orders");
    }

    @Test
    void refusesEveryPartitionOfAReadOnlyAliasOrADeniedTopic() {
        tenant.deny(AclOperation.WRITE, ResourceType.TOPIC, "audit");
        ProduceRequestData request = request(topic("orders", 0), topic("shared", 0, 1), topic("audit", 2));

        Mapping mapping = mapper.map(request, BY_NAME, tenant);

        assertThat(request.topicData()).extracting(TopicProduceData::name).containsExactly("a.orders");
        ProduceResponseData response = mapped(mapping, response("a.orders"), BY_NAME);
        assertThat(response.responses()).flatExtracting(topic -> topic.partitionResponses().stream()
                        .map(partition -> tuple(topic.name(), partition.index(), partition.errorCode())).toList())
                .containsExactlyInAnyOrder(tuple("orders", 0, Errors.NONE.code()),
                        tuple("shared", 0, Errors.TOPIC_AUTHORIZATION_FAILED.code()),
                        tuple("shared", 1, Errors.TOPIC_AUTHORIZATION_FAILED.code()),
                        tuple("audit", 2, Errors.TOPIC_AUTHORIZATION_FAILED.code()));
    }

    @Test
    void aReadOnlyVirtualClusterProducesNothing() {
        tenant.readOnlyCluster();

        ProduceResponseData response = answered(mapper.map(request(topic("orders", 0)), BY_NAME, tenant));

        assertThat(WireForm.roundTrip(response, BY_NAME).responses().find("orders", Uuid.ZERO_UUID)
                .partitionResponses()).extracting(PartitionProduceResponse::errorCode)
                .containsExactly(Errors.TOPIC_AUTHORIZATION_FAILED.code());
    }

    @Test
    void aDeniedTransactionalIdFailsEveryPartitionWithoutReachingTheBroker() {
        tenant.deny(AclOperation.WRITE, ResourceType.TRANSACTIONAL_ID, "tx-1");
        ProduceRequestData request = request(topic("orders", 0, 1)).setTransactionalId("tx-1");

        ProduceResponseData response = WireForm.roundTrip(answered(mapper.map(request, BY_NAME, tenant)), BY_NAME);

        assertThat(response.responses()).flatExtracting(TopicProduceResponse::partitionResponses)
                .extracting(PartitionProduceResponse::errorCode)
                .containsOnly(Errors.TRANSACTIONAL_ID_AUTHORIZATION_FAILED.code()).hasSize(2);
    }

    @Test
    void byIdAnotherTenantsTopicIsUnknownAndTheRestPassesUnchanged() {
        Uuid own = Uuid.randomUuid();
        Uuid foreign = Uuid.randomUuid();
        tenant.topicId(own, "a.orders").topicId(foreign, "b.orders");
        ProduceRequestData request = request(topicById(own, 0), topicById(foreign, 3));
        assertThat(mapper.topicIds(request, BY_ID)).containsExactly(own, foreign);

        Mapping mapping = mapper.map(request, BY_ID, tenant);

        assertThat(request.topicData()).extracting(TopicProduceData::topicId).containsExactly(own);
        ProduceResponseData broker = new ProduceResponseData();
        broker.responses().add(new TopicProduceResponse().setTopicId(own));
        ProduceResponseData response = mapped(mapping, broker, BY_ID);
        assertThat(response.responses().find("", foreign).partitionResponses())
                .extracting(PartitionProduceResponse::index, PartitionProduceResponse::errorCode)
                .containsExactly(tuple(3, Errors.UNKNOWN_TOPIC_ID.code()));
    }

    @Test
    void byIdWithoutTransactionTheRequestGoesUnchangedButTheResponseIsStillDecodedToBeScrubbed() {
        Uuid own = Uuid.randomUuid();
        tenant.topicId(own, "a.orders");

        Mapping mapping = mapper.map(request(topicById(own, 0)), BY_ID, tenant);

        assertThat(mapping).isInstanceOfSatisfying(Mapping.Unchanged.class, unchanged ->
                assertThat(unchanged.response()).isNotSameAs(ResponseMapper.UNCHANGED));
        assertThat(forwarded(mapper.map(request(topicById(own, 0)).setTransactionalId("tx"), BY_ID, tenant))
                .request()).extracting(r -> ((ProduceRequestData) r).transactionalId()).isEqualTo("a.tx");
    }

    @Test
    void anAcksZeroProduceWithNothingLeftStillGoesOutEmptySoThatNothingAnswersIt() {
        tenant.deny(AclOperation.WRITE, ResourceType.TRANSACTIONAL_ID, "tx-1");
        ProduceRequestData request = request(topic("orders", 0)).setTransactionalId("tx-1")
                .setAcks((short) 0);

        forwarded(mapper.map(request, BY_NAME, tenant));

        assertThat(request.topicData()).isEmpty();
        assertThat(request.transactionalId()).isNull();
    }

    private static ProduceRequestData request(TopicProduceData... topics) {
        ProduceRequestData request = new ProduceRequestData().setAcks((short) -1);
        for (TopicProduceData topic : topics) {
            request.topicData().add(topic);
        }
        return request;
    }

    private static TopicProduceData topic(String name, int... partitions) {
        return new TopicProduceData().setName(name).setPartitionData(partitions(partitions));
    }

    private static TopicProduceData topicById(Uuid id, int... partitions) {
        return new TopicProduceData().setTopicId(id).setPartitionData(partitions(partitions));
    }

    private static List<PartitionProduceData> partitions(int... partitions) {
        return Arrays.stream(partitions).mapToObj(p -> new PartitionProduceData().setIndex(p)).toList();
    }

    private static ProduceResponseData response(String... physicalTopics) {
        ProduceResponseData response = new ProduceResponseData();
        for (String topic : physicalTopics) {
            response.responses().add(new TopicProduceResponse().setName(topic).setPartitionResponses(
                    new ArrayList<>(List.of(new PartitionProduceResponse().setIndex(0)))));
        }
        return response;
    }
}
