package io.streamgate.core.vcluster.mapping;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.message.CreatePartitionsRequestData;
import org.apache.kafka.common.message.CreatePartitionsRequestData.CreatePartitionsTopic;
import org.apache.kafka.common.message.CreatePartitionsResponseData;
import org.apache.kafka.common.message.CreatePartitionsResponseData.CreatePartitionsTopicResult;
import org.apache.kafka.common.message.CreateTopicsRequestData;
import org.apache.kafka.common.message.CreateTopicsRequestData.CreatableTopic;
import org.apache.kafka.common.message.CreateTopicsResponseData;
import org.apache.kafka.common.message.CreateTopicsResponseData.CreatableTopicConfigs;
import org.apache.kafka.common.message.CreateTopicsResponseData.CreatableTopicResult;
import org.apache.kafka.common.message.DeleteTopicsRequestData;
import org.apache.kafka.common.message.DeleteTopicsRequestData.DeleteTopicState;
import org.apache.kafka.common.message.DeleteTopicsResponseData;
import org.apache.kafka.common.message.DeleteTopicsResponseData.DeletableTopicResult;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.streamgate.core.vcluster.mapping.Mappings.answered;
import static io.streamgate.core.vcluster.mapping.Mappings.mapped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** CreateTopics, DeleteTopics and CreatePartitions. */
class TopicAdministrationMappersTest {

    private final ScriptedTenant tenant = new ScriptedTenant().alias("shared", "public.shared", false);

    @Test
    void createsThePhysicalTopicAndNeverAnAliasTarget() {
        CreateTopicsRequestData request = new CreateTopicsRequestData();
        request.topics().add(new CreatableTopic().setName("orders"));
        request.topics().add(new CreatableTopic().setName("shared"));
        short version = 7;

        Mapping mapping = new CreateTopicsMapper().map(request, version, tenant);

        assertThat(request.topics()).extracting(CreatableTopic::name).containsExactly("a.orders");
        assertThat(request.topics().find("a.orders")).isNotNull();
        Uuid id = Uuid.randomUuid();
        CreateTopicsResponseData broker = new CreateTopicsResponseData();
        broker.topics().add(new CreatableTopicResult().setName("a.orders").setTopicId(id));
        CreateTopicsResponseData response = mapped(mapping, broker, version);
        assertThat(response.topics()).extracting(CreatableTopicResult::name, CreatableTopicResult::topicId,
                        CreatableTopicResult::errorCode)
                .containsExactly(tuple("orders", id, Errors.NONE.code()),
                        tuple("shared", Uuid.ZERO_UUID, Errors.TOPIC_ALREADY_EXISTS.code()));
    }

    @Test
    void aReadOnlyVirtualClusterCreatesNoTopic() {
        tenant.readOnlyCluster();
        CreateTopicsRequestData request = new CreateTopicsRequestData().setValidateOnly(true);
        request.topics().add(new CreatableTopic().setName("orders"));

        CreateTopicsResponseData response = answered(new CreateTopicsMapper().map(request, (short) 7, tenant));

        assertThat(WireForm.roundTrip(response, (short) 7).topics().find("orders").errorCode())
                .isEqualTo(Errors.TOPIC_AUTHORIZATION_FAILED.code());
    }

    @Test
    void aCreatedTopicsConfigurationNeedsDescribeConfigs() {
        tenant.deny(AclOperation.DESCRIBE_CONFIGS, ResourceType.TOPIC, "orders");
        CreateTopicsRequestData request = new CreateTopicsRequestData();
        request.topics().add(new CreatableTopic().setName("orders"));
        short version = 7;

        Mapping mapping = new CreateTopicsMapper().map(request, version, tenant);

        CreateTopicsResponseData broker = new CreateTopicsResponseData();
        broker.topics().add(new CreatableTopicResult().setName("a.orders").setConfigs(new ArrayList<>(List.of(
                new CreatableTopicConfigs().setName("retention.ms").setValue("1000")))));
        CreatableTopicResult created = mapped(mapping, broker, version).topics().find("orders");
        assertThat(created.configs()).isEmpty();
        assertThat(created.topicConfigErrorCode()).isEqualTo(Errors.TOPIC_AUTHORIZATION_FAILED.code());
    }

    @Test
    void deletesByNameOnlyTheTenantsOwnTopicsNeverAnAlias() {
        DeleteTopicsRequestData request = new DeleteTopicsRequestData()
                .setTopicNames(new ArrayList<>(List.of("orders", "shared")));
        short version = 5;

        Mapping mapping = new DeleteTopicsMapper().map(request, version, tenant);

        assertThat(request.topicNames()).containsExactly("a.orders");
        DeleteTopicsResponseData broker = new DeleteTopicsResponseData();
        broker.responses().add(new DeletableTopicResult().setName("a.orders"));
        DeleteTopicsResponseData response = mapped(mapping, broker, version);
        assertThat(response.responses()).extracting(DeletableTopicResult::name, DeletableTopicResult::errorCode)
                .containsExactly(tuple("orders", Errors.NONE.code()),
                        tuple("shared", Errors.TOPIC_AUTHORIZATION_FAILED.code()));
    }

    @Test
    void deletesByIdOnlyTheTenantsTopicsAndAnswersOthersAsUnknown() {
        Uuid own = Uuid.randomUuid();
        Uuid foreign = Uuid.randomUuid();
        tenant.topicId(own, "a.orders").topicId(foreign, "b.orders");
        DeleteTopicsRequestData request = new DeleteTopicsRequestData().setTopics(new ArrayList<>(List.of(
                new DeleteTopicState().setName(null).setTopicId(own),
                new DeleteTopicState().setName(null).setTopicId(foreign),
                new DeleteTopicState().setName("audit"))));
        short version = 6;
        assertThat(new DeleteTopicsMapper().topicIds(request, version)).containsExactly(own, foreign);

        Mapping mapping = new DeleteTopicsMapper().map(request, version, tenant);

        assertThat(request.topics()).extracting(DeleteTopicState::name, DeleteTopicState::topicId)
                .containsExactly(tuple(null, own), tuple("a.audit", Uuid.ZERO_UUID));
        DeleteTopicsResponseData broker = new DeleteTopicsResponseData();
        broker.responses().add(new DeletableTopicResult().setName("a.orders").setTopicId(own));
        broker.responses().add(new DeletableTopicResult().setName("a.audit"));
        DeleteTopicsResponseData response = mapped(mapping, broker, version);
        assertThat(response.responses()).extracting(DeletableTopicResult::name, DeletableTopicResult::topicId,
                        DeletableTopicResult::errorCode)
                .containsExactly(tuple("orders", own, Errors.NONE.code()),
                        tuple("audit", Uuid.ZERO_UUID, Errors.NONE.code()),
                        tuple(null, foreign, Errors.UNKNOWN_TOPIC_ID.code()));
    }

    @Test
    void addsPartitionsOnlyToTheTenantsOwnWritableTopics() {
        tenant.deny(AclOperation.ALTER, ResourceType.TOPIC, "audit");
        CreatePartitionsRequestData request = new CreatePartitionsRequestData();
        request.topics().add(new CreatePartitionsTopic().setName("orders").setCount(6));
        request.topics().add(new CreatePartitionsTopic().setName("shared").setCount(6));
        request.topics().add(new CreatePartitionsTopic().setName("audit").setCount(6));
        short version = 3;

        Mapping mapping = new CreatePartitionsMapper().map(request, version, tenant);

        assertThat(request.topics()).extracting(CreatePartitionsTopic::name).containsExactly("a.orders");
        CreatePartitionsResponseData broker = new CreatePartitionsResponseData().setResults(new ArrayList<>(List.of(
                new CreatePartitionsTopicResult().setName("a.orders"))));
        assertThat(mapped(mapping, broker, version).results())
                .extracting(CreatePartitionsTopicResult::name, CreatePartitionsTopicResult::errorCode)
                .containsExactly(tuple("orders", Errors.NONE.code()),
                        tuple("shared", Errors.TOPIC_AUTHORIZATION_FAILED.code()),
                        tuple("audit", Errors.TOPIC_AUTHORIZATION_FAILED.code()));
    }
}
