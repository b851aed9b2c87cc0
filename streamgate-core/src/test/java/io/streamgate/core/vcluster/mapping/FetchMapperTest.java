package io.streamgate.core.vcluster.mapping;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.message.FetchRequestData;
import org.apache.kafka.common.message.FetchRequestData.FetchPartition;
import org.apache.kafka.common.message.FetchRequestData.FetchTopic;
import org.apache.kafka.common.message.FetchRequestData.ForgottenTopic;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.message.FetchResponseData.FetchableTopicResponse;
import org.apache.kafka.common.message.FetchResponseData.PartitionData;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.streamgate.core.vcluster.mapping.Mappings.answered;
import static io.streamgate.core.vcluster.mapping.Mappings.forwarded;
import static io.streamgate.core.vcluster.mapping.Mappings.mapped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class FetchMapperTest {

    private static final short BY_NAME = 12;
    private static final short BY_ID = 18;
    private final FetchMapper mapper = new FetchMapper();
    private final ScriptedTenant tenant = new ScriptedTenant().alias("shared", "public.shared", true);

    @Test
    void fetchesAndForgetsThePhysicalTopicsAndAnswersWithTheLogicalNames() {
        FetchRequestData request = new FetchRequestData().setTopics(topics(byName("orders"), byName("shared")))
                .setForgottenTopicsData(new ArrayList<>(List.of(new ForgottenTopic().setTopic("old"))));

        Mapping mapping = mapper.map(request, BY_NAME, tenant);

        assertThat(request.topics()).extracting(FetchTopic::topic).containsExactly("a.orders", "public.shared");
        assertThat(request.forgottenTopicsData()).extracting(ForgottenTopic::topic).containsExactly("a.old");
        FetchResponseData response = mapped(mapping, response("a.orders", "public.shared", "b.orders"), BY_NAME);
        assertThat(response.responses()).extracting(FetchableTopicResponse::topic).containsExactly("orders", "shared");
    }

    @Test
    void aTopicTheTenantMayNotReadGetsAnErrorPerPartition() {
        tenant.deny(AclOperation.READ, ResourceType.TOPIC, "secret");
        FetchRequestData request = new FetchRequestData().setTopics(topics(byName("orders"), byName("secret", 0, 1)));

        Mapping mapping = mapper.map(request, BY_NAME, tenant);

        assertThat(request.topics()).extracting(FetchTopic::topic).containsExactly("a.orders");
        FetchResponseData response = mapped(mapping, response("a.orders"), BY_NAME);
        assertThat(response.responses()).filteredOn(topic -> topic.topic().equals("secret"))
                .flatExtracting(FetchableTopicResponse::partitions)
                .extracting(PartitionData::partitionIndex, PartitionData::errorCode, PartitionData::highWatermark)
                .containsExactly(tuple(0, Errors.TOPIC_AUTHORIZATION_FAILED.code(), -1L),
                        tuple(1, Errors.TOPIC_AUTHORIZATION_FAILED.code(), -1L));
    }

    @Test
    void byIdAnotherTenantsTopicIsUnknownAndItsForgettingIsDropped() {
        Uuid own = Uuid.randomUuid();
        Uuid foreign = Uuid.randomUuid();
        tenant.topicId(own, "a.orders").topicId(foreign, "b.orders");
        FetchRequestData request = new FetchRequestData().setTopics(topics(byId(own), byId(foreign, 4)))
                .setForgottenTopicsData(new ArrayList<>(List.of(new ForgottenTopic().setTopicId(foreign),
                        new ForgottenTopic().setTopicId(own))));
        assertThat(mapper.topicIds(request, BY_ID)).containsExactly(own, foreign, foreign, own);

        Mapping mapping = mapper.map(request, BY_ID, tenant);

        assertThat(request.topics()).extracting(FetchTopic::topicId).containsExactly(own);
        assertThat(request.forgottenTopicsData()).extracting(ForgottenTopic::topicId).containsExactly(own);
        FetchResponseData broker = new FetchResponseData();
        broker.responses().add(new FetchableTopicResponse().setTopicId(own));
        FetchResponseData response = mapped(mapping, broker, BY_ID);
        assertThat(response.responses()).flatExtracting(topic -> topic.partitions().stream()
                        .map(partition -> tuple(topic.topicId(), partition.partitionIndex(), partition.errorCode()))
                        .toList())
                .containsExactly(tuple(foreign, 4, Errors.UNKNOWN_TOPIC_ID.code()));
    }

    @Test
    void byIdWithNothingHeldBackNeitherTheRequestNorTheResponseChanges() {
        Uuid own = Uuid.randomUuid();
        tenant.topicId(own, "a.orders");

        Mapping mapping = mapper.map(new FetchRequestData().setTopics(topics(byId(own))), BY_ID, tenant);

        assertThat(mapping).isEqualTo(new Mapping.Unchanged(ResponseMapper.UNCHANGED));
    }

    @Test
    void anotherTenantsFetchSessionIsNotFoundAndNothingGoesToTheBroker() {
        Uuid own = Uuid.randomUuid();
        tenant.topicId(own, "a.orders").foreignFetchSession(4711);

        FetchResponseData response = answered(mapper.map(new FetchRequestData().setSessionId(4711).setSessionEpoch(3)
                .setTopics(topics(byId(own))), BY_ID, tenant));

        assertThat(response.errorCode()).isEqualTo(Errors.FETCH_SESSION_ID_NOT_FOUND.code());
        assertThat(response.sessionId()).isZero();
        assertThat(response.responses()).isEmpty();
    }

    @Test
    void aSessionlessFetchWithNothingLeftIsAnsweredLocally() {
        tenant.deny(AclOperation.READ, ResourceType.TOPIC, "secret");

        FetchResponseData response = answered(mapper.map(
                new FetchRequestData().setTopics(topics(byName("secret"))), BY_NAME, tenant));

        assertThat(WireForm.roundTrip(response, BY_NAME).responses()).extracting(FetchableTopicResponse::topic)
                .containsExactly("secret");
    }

    @Test
    void aFetchOfAnOpenSessionGoesToTheBrokerEvenWithNothingLeftToKeepTheEpochInStep() {
        tenant.deny(AclOperation.READ, ResourceType.TOPIC, "secret");
        FetchRequestData request = new FetchRequestData().setSessionId(42).setSessionEpoch(3)
                .setTopics(topics(byName("secret")));

        Mapping mapping = mapper.map(request, BY_NAME, tenant);

        assertThat(request.topics()).isEmpty();
        FetchResponseData response = mapped(mapping, new FetchResponseData().setSessionId(42), BY_NAME);
        assertThat(response.sessionId()).isEqualTo(42);
        assertThat(response.responses()).extracting(FetchableTopicResponse::topic).containsExactly("secret");
    }

    private static List<FetchTopic> topics(FetchTopic... topics) {
        return new ArrayList<>(List.of(topics));
    }

    private static FetchTopic byName(String name, int... partitions) {
        return new FetchTopic().setTopic(name).setPartitions(partitions(partitions));
    }

    private static FetchTopic byId(Uuid id, int... partitions) {
        return new FetchTopic().setTopicId(id).setPartitions(partitions(partitions));
    }

    private static List<FetchPartition> partitions(int... partitions) {
        List<FetchPartition> list = new ArrayList<>();
        for (int partition : partitions.length == 0 ? new int[] {0} : partitions) {
            list.add(new FetchPartition().setPartition(partition));
        }
        return list;
    }

    private static FetchResponseData response(String... physicalTopics) {
        FetchResponseData response = new FetchResponseData();
        for (String topic : physicalTopics) {
            response.responses().add(new FetchableTopicResponse().setTopic(topic));
        }
        return response;
    }
}
