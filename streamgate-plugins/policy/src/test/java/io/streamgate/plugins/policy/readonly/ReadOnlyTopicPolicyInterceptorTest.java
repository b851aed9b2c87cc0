package io.streamgate.plugins.policy.readonly;

import io.streamgate.api.PluginConfig;
import io.streamgate.api.PolicyAction;
import io.streamgate.api.PolicyViolation;
import io.streamgate.api.RequestOutcome;
import io.streamgate.api.ResponseOutcome;
import io.streamgate.plugins.testkit.FakeInterceptorContext;
import io.streamgate.plugins.testkit.FakePluginContext;
import io.streamgate.plugins.testkit.RegisteredHooks;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.message.AlterConfigsRequestData;
import org.apache.kafka.common.message.AlterConfigsResponseData;
import org.apache.kafka.common.message.AlterPartitionReassignmentsRequestData;
import org.apache.kafka.common.message.AlterPartitionReassignmentsResponseData;
import org.apache.kafka.common.message.CreatePartitionsRequestData;
import org.apache.kafka.common.message.CreatePartitionsResponseData;
import org.apache.kafka.common.message.DeleteRecordsRequestData;
import org.apache.kafka.common.message.DeleteRecordsResponseData;
import org.apache.kafka.common.message.DeleteTopicsRequestData;
import org.apache.kafka.common.message.DeleteTopicsResponseData;
import org.apache.kafka.common.message.IncrementalAlterConfigsRequestData;
import org.apache.kafka.common.message.IncrementalAlterConfigsResponseData;
import org.apache.kafka.common.message.OffsetCommitRequestData;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.message.ProduceResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReadOnlyTopicPolicyInterceptorTest {

    private static final Map<String, Object> AUDIT = Map.of("topics", "audit\\..*");

    @Test
    void failsAProduceToReadOnlyTopicsOnlyWithTopicAuthorizationFailed() {
        FakeInterceptorContext context = new FakeInterceptorContext(ApiKeys.PRODUCE, 11).interceptorName("ro");

        RequestOutcome outcome = hooks(AUDIT).request(context, produce(produceTopic("audit.log", 0, 1)));

        String message = "topic 'audit.log' is read-only (rule readOnly, interceptor ro)";
        assertThat(outcome).isEqualTo(new RequestOutcome.Fail(Errors.TOPIC_AUTHORIZATION_FAILED, message));
        assertThat(context.violations()).containsExactly(
                new PolicyViolation("readOnly", PolicyAction.BLOCK, "audit.log", "Produce", message));
    }

    @Test
    void takesReadOnlyTopicsOutOfAMixedProduceAndAnswersEachOfTheirPartitions() {
        RegisteredHooks hooks = hooks(AUDIT);
        FakeInterceptorContext context = new FakeInterceptorContext(ApiKeys.PRODUCE, 11).interceptorName("ro");
        ProduceRequestData request = produce(produceTopic("orders", 0), produceTopic("audit.log", 0, 1));

        assertThat(hooks.request(context, request)).isEqualTo(new RequestOutcome.Forward(null));
        assertThat(request.topicData()).extracting(ProduceRequestData.TopicProduceData::name)
                .containsExactly("orders");

        ProduceResponseData response = new ProduceResponseData();
        response.responses().add(new ProduceResponseData.TopicProduceResponse().setName("orders").setPartitionResponses(
                List.of(new ProduceResponseData.PartitionProduceResponse().setIndex(0).setBaseOffset(42))));
        assertThat(hooks.response(context, response)).isEqualTo(new ResponseOutcome.Forward(null));

        ProduceResponseData.TopicProduceResponse refused = response.responses().find("audit.log", Uuid.ZERO_UUID);
        assertThat(refused.partitionResponses()).extracting(ProduceResponseData.PartitionProduceResponse::index)
                .containsExactly(0, 1);
        assertThat(refused.partitionResponses()).allSatisfy(partition -> {
            assertThat(partition.errorCode()).isEqualTo(Errors.TOPIC_AUTHORIZATION_FAILED.code());
            assertThat(partition.errorMessage()).isEqualTo("topic 'audit.log' is read-only (rule readOnly, "
                    + "interceptor ro)");
            assertThat(partition.baseOffset()).isEqualTo(-1);
        });
        assertThat(response.responses().find("orders", Uuid.ZERO_UUID).partitionResponses().get(0).baseOffset())
                .isEqualTo(42);
    }

    @Test
    void resolvesTheTopicIdsOfProduceV13() {
        Uuid audit = Uuid.randomUuid();
        Uuid orders = Uuid.randomUuid();
        RegisteredHooks hooks = hooks(AUDIT);
        FakeInterceptorContext context = new FakeInterceptorContext(ApiKeys.PRODUCE, 13)
                .knownTopic(audit, "audit.log").knownTopic(orders, "orders");
        ProduceRequestData request = produce(produceTopic(orders, 0), produceTopic(audit, 3));

        hooks.request(context, request);
        ProduceResponseData response = new ProduceResponseData();
        hooks.response(context, response);

        assertThat(context.lookups()).containsExactly(List.of(orders, audit));
        assertThat(request.topicData()).extracting(ProduceRequestData.TopicProduceData::topicId)
                .containsExactly(orders);
        ProduceResponseData.TopicProduceResponse refused = response.responses().find("", audit);
        assertThat(refused.partitionResponses()).singleElement()
                .satisfies(partition -> assertThat(partition.index()).isEqualTo(3));
    }

    @Test
    void reportsButForwardsUnderInfo() {
        FakeInterceptorContext context = new FakeInterceptorContext(ApiKeys.PRODUCE, 11);
        ProduceRequestData request = produce(produceTopic("audit.log", 0));

        RequestOutcome outcome = hooks(Map.of("topics", "audit\\..*", "action", "INFO")).request(context, request);

        assertThat(outcome).isEqualTo(new RequestOutcome.Forward(null));
        assertThat(request.topicData()).hasSize(1);
        assertThat(context.violations()).singleElement().extracting(PolicyViolation::action)
                .isEqualTo(PolicyAction.INFO);
    }

    @Test
    void forwardsWritesToOtherTopicsWithoutReporting() {
        FakeInterceptorContext context = new FakeInterceptorContext(ApiKeys.PRODUCE, 11);

        assertThat(hooks(AUDIT).request(context, produce(produceTopic("orders", 0))))
                .isEqualTo(new RequestOutcome.Forward(null));
        assertThat(context.violations()).isEmpty();
    }

    @Test
    void refusesDeletingReadOnlyTopicsByNameAndById() {
        RegisteredHooks hooks = hooks(AUDIT);
        FakeInterceptorContext byName = new FakeInterceptorContext(ApiKeys.DELETE_TOPICS, 5);
        DeleteTopicsRequestData names = new DeleteTopicsRequestData().setTopicNames(
                new ArrayList<>(List.of("orders", "audit.log")));

        hooks.request(byName, names);
        DeleteTopicsResponseData nameResponse = new DeleteTopicsResponseData();
        hooks.response(byName, nameResponse);

        assertThat(names.topicNames()).containsExactly("orders");
        assertThat(nameResponse.responses().find("audit.log").errorCode())
                .isEqualTo(Errors.TOPIC_AUTHORIZATION_FAILED.code());

        Uuid audit = Uuid.randomUuid();
        FakeInterceptorContext byId = new FakeInterceptorContext(ApiKeys.DELETE_TOPICS, 6).knownTopic(audit, "audit.x");
        DeleteTopicsRequestData ids = new DeleteTopicsRequestData().setTopics(new ArrayList<>(List.of(
                new DeleteTopicsRequestData.DeleteTopicState().setName("orders"),
                new DeleteTopicsRequestData.DeleteTopicState().setName(null).setTopicId(audit))));

        hooks.request(byId, ids);
        DeleteTopicsResponseData idResponse = new DeleteTopicsResponseData();
        hooks.response(byId, idResponse);

        assertThat(ids.topics()).extracting(DeleteTopicsRequestData.DeleteTopicState::name).containsExactly("orders");
        DeleteTopicsResponseData.DeletableTopicResult refused = idResponse.responses().find("audit.x");
        assertThat(refused.topicId()).isEqualTo(audit);
        assertThat(refused.errorMessage()).isEqualTo("topic 'audit.x' is read-only (rule readOnly, interceptor "
                + "under-test)");
    }

    @Test
    void refusesAddingPartitionsDeletingRecordsAndReassigningReadOnlyTopics() {
        RegisteredHooks hooks = hooks(AUDIT);

        FakeInterceptorContext partitions = new FakeInterceptorContext(ApiKeys.CREATE_PARTITIONS, 3);
        CreatePartitionsRequestData createPartitions = new CreatePartitionsRequestData();
        createPartitions.topics().add(new CreatePartitionsRequestData.CreatePartitionsTopic().setName("orders"));
        createPartitions.topics().add(new CreatePartitionsRequestData.CreatePartitionsTopic().setName("audit.log"));
        hooks.request(partitions, createPartitions);
        CreatePartitionsResponseData partitionsResponse = new CreatePartitionsResponseData();
        hooks.response(partitions, partitionsResponse);
        assertThat(createPartitions.topics()).extracting(CreatePartitionsRequestData.CreatePartitionsTopic::name)
                .containsExactly("orders");
        assertThat(partitionsResponse.results()).singleElement().satisfies(result -> {
            assertThat(result.name()).isEqualTo("audit.log");
            assertThat(result.errorCode()).isEqualTo(Errors.TOPIC_AUTHORIZATION_FAILED.code());
        });

        FakeInterceptorContext records = new FakeInterceptorContext(ApiKeys.DELETE_RECORDS, 2);
        assertThat(hooks.request(records, new DeleteRecordsRequestData().setTopics(new ArrayList<>(List.of(
                new DeleteRecordsRequestData.DeleteRecordsTopic().setName("audit.log").setPartitions(List.of(
                        new DeleteRecordsRequestData.DeleteRecordsPartition().setPartitionIndex(0))))))))
                .isInstanceOfSatisfying(RequestOutcome.Respond.class, respond -> assertThat(
                        ((DeleteRecordsResponseData) respond.response()).topics().find("audit.log").partitions()
                                .find(0).errorCode()).isEqualTo(Errors.TOPIC_AUTHORIZATION_FAILED.code()));

        FakeInterceptorContext deleteMixed = new FakeInterceptorContext(ApiKeys.DELETE_RECORDS, 2);
        DeleteRecordsRequestData mixed = new DeleteRecordsRequestData().setTopics(new ArrayList<>(List.of(
                new DeleteRecordsRequestData.DeleteRecordsTopic().setName("orders"),
                new DeleteRecordsRequestData.DeleteRecordsTopic().setName("audit.log").setPartitions(List.of(
                        new DeleteRecordsRequestData.DeleteRecordsPartition().setPartitionIndex(4))))));
        hooks.request(deleteMixed, mixed);
        DeleteRecordsResponseData recordsResponse = new DeleteRecordsResponseData();
        hooks.response(deleteMixed, recordsResponse);
        assertThat(recordsResponse.topics().find("audit.log").partitions().find(4).errorCode())
                .isEqualTo(Errors.TOPIC_AUTHORIZATION_FAILED.code());

        FakeInterceptorContext reassign = new FakeInterceptorContext(ApiKeys.ALTER_PARTITION_REASSIGNMENTS, 0);
        AlterPartitionReassignmentsRequestData reassignment = new AlterPartitionReassignmentsRequestData()
                .setTopics(new ArrayList<>(List.of(
                        new AlterPartitionReassignmentsRequestData.ReassignableTopic().setName("orders"),
                        new AlterPartitionReassignmentsRequestData.ReassignableTopic().setName("audit.log")
                                .setPartitions(List.of(new AlterPartitionReassignmentsRequestData
                                        .ReassignablePartition().setPartitionIndex(2))))));
        hooks.request(reassign, reassignment);
        AlterPartitionReassignmentsResponseData reassignResponse = new AlterPartitionReassignmentsResponseData();
        hooks.response(reassign, reassignResponse);
        assertThat(reassignResponse.responses()).singleElement().satisfies(topic -> {
            assertThat(topic.name()).isEqualTo("audit.log");
            assertThat(topic.partitions()).singleElement().satisfies(partition -> {
                assertThat(partition.partitionIndex()).isEqualTo(2);
                assertThat(partition.errorCode()).isEqualTo(Errors.TOPIC_AUTHORIZATION_FAILED.code());
            });
        });
    }

    @Test
    void refusesAlteringTheConfigsOfReadOnlyTopicsButNotOfBrokers() {
        RegisteredHooks hooks = hooks(AUDIT);
        FakeInterceptorContext context = new FakeInterceptorContext(ApiKeys.INCREMENTAL_ALTER_CONFIGS, 1);
        IncrementalAlterConfigsRequestData request = new IncrementalAlterConfigsRequestData();
        request.resources().add(new IncrementalAlterConfigsRequestData.AlterConfigsResource()
                .setResourceType(ConfigResource.Type.BROKER.id()).setResourceName("audit.log"));
        request.resources().add(new IncrementalAlterConfigsRequestData.AlterConfigsResource()
                .setResourceType(ConfigResource.Type.TOPIC.id()).setResourceName("audit.log"));

        hooks.request(context, request);
        IncrementalAlterConfigsResponseData response = new IncrementalAlterConfigsResponseData();
        hooks.response(context, response);

        assertThat(request.resources()).singleElement().extracting(
                IncrementalAlterConfigsRequestData.AlterConfigsResource::resourceType)
                .isEqualTo(ConfigResource.Type.BROKER.id());
        assertThat(response.responses()).singleElement().satisfies(resource -> {
            assertThat(resource.resourceType()).isEqualTo(ConfigResource.Type.TOPIC.id());
            assertThat(resource.errorCode()).isEqualTo(Errors.TOPIC_AUTHORIZATION_FAILED.code());
        });

        FakeInterceptorContext legacy = new FakeInterceptorContext(ApiKeys.ALTER_CONFIGS, 2);
        AlterConfigsRequestData alter = new AlterConfigsRequestData();
        alter.resources().add(new AlterConfigsRequestData.AlterConfigsResource()
                .setResourceType(ConfigResource.Type.TOPIC.id()).setResourceName("audit.log"));
        assertThat(hooks.request(legacy, alter)).isInstanceOfSatisfying(RequestOutcome.Respond.class, respond ->
                assertThat(((AlterConfigsResponseData) respond.response()).responses()).singleElement()
                        .satisfies(resource -> {
                            assertThat(resource.resourceName()).isEqualTo("audit.log");
                            assertThat(resource.errorCode()).isEqualTo(Errors.TOPIC_AUTHORIZATION_FAILED.code());
                        }));
    }

    @Test
    void answersARequestThatOnlyDeletesReadOnlyTopicsWithTheMessageOnEachTopic() {
        FakeInterceptorContext context = new FakeInterceptorContext(ApiKeys.DELETE_TOPICS, 5).interceptorName("ro");

        RequestOutcome outcome = hooks(AUDIT).request(context,
                new DeleteTopicsRequestData().setTopicNames(new ArrayList<>(List.of("audit.a", "audit.b"))));

        DeleteTopicsResponseData expected = new DeleteTopicsResponseData();
        for (String topic : List.of("audit.a", "audit.b")) {
            expected.responses().add(new DeleteTopicsResponseData.DeletableTopicResult().setName(topic)
                    .setErrorCode(Errors.TOPIC_AUTHORIZATION_FAILED.code())
                    .setErrorMessage("topic '" + topic + "' is read-only (rule readOnly, interceptor ro)"));
        }
        assertThat(outcome).isEqualTo(new RequestOutcome.Respond(expected));
    }

    @Test
    void namesEveryTopicWhenAWholeProduceIsRefused() {
        FakeInterceptorContext context = new FakeInterceptorContext(ApiKeys.PRODUCE, 11).interceptorName("ro");

        assertThat(hooks(AUDIT).request(context, produce(produceTopic("audit.a", 0), produceTopic("audit.b", 0))))
                .isEqualTo(new RequestOutcome.Fail(Errors.TOPIC_AUTHORIZATION_FAILED,
                        "topics audit.a, audit.b are read-only (rule readOnly, interceptor ro)"));
        assertThat(context.violations()).extracting(PolicyViolation::topic).containsExactly("audit.a", "audit.b");
    }

    @Test
    void leavesConsumerOffsetsAlone() {
        assertThat(hooks(AUDIT).handlesRequest(OffsetCommitRequestData.class)).isFalse();
    }

    private static ProduceRequestData produce(ProduceRequestData.TopicProduceData... topics) {
        ProduceRequestData request = new ProduceRequestData().setAcks((short) -1);
        for (ProduceRequestData.TopicProduceData topic : topics) {
            request.topicData().add(topic);
        }
        return request;
    }

    private static ProduceRequestData.TopicProduceData produceTopic(String name, int... partitions) {
        return withPartitions(new ProduceRequestData.TopicProduceData().setName(name), partitions);
    }

    private static ProduceRequestData.TopicProduceData produceTopic(Uuid id, int... partitions) {
        return withPartitions(new ProduceRequestData.TopicProduceData().setTopicId(id), partitions);
    }

    private static ProduceRequestData.TopicProduceData withPartitions(ProduceRequestData.TopicProduceData topic,
                                                                      int... partitions) {
        for (int partition : partitions) {
            topic.partitionData().add(new ProduceRequestData.PartitionProduceData().setIndex(partition));
        }
        return topic;
    }

    private static RegisteredHooks hooks(Map<String, ?> config) {
        return RegisteredHooks.of(new ReadOnlyTopicPolicyPlugin().create(new PluginConfig(config),
                new FakePluginContext()));
    }
}
