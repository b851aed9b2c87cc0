package io.streamgate.plugins.policy.schemaid;

import io.streamgate.api.PluginConfig;
import io.streamgate.api.PolicyAction;
import io.streamgate.api.PolicyViolation;
import io.streamgate.api.RequestOutcome;
import io.streamgate.plugins.testkit.FakeInterceptorContext;
import io.streamgate.plugins.testkit.FakePluginContext;
import io.streamgate.plugins.testkit.RegisteredHooks;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.message.ProduceResponseData;
import org.apache.kafka.common.message.ProduceResponseData.PartitionProduceResponse;
import org.apache.kafka.common.message.ProduceResponseData.TopicProduceResponse;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.streamgate.plugins.policy.schemaid.Produces.partition;
import static io.streamgate.plugins.policy.schemaid.Produces.plain;
import static io.streamgate.plugins.policy.schemaid.Produces.request;
import static io.streamgate.plugins.policy.schemaid.Produces.topic;
import static io.streamgate.plugins.policy.schemaid.Produces.withSchemaId;
import static org.assertj.core.api.Assertions.assertThat;

class SchemaIdRequiredInterceptorTest {

    private static final String REQUIRED_MESSAGE = "record 1 of orders-1 has no schema id: its value does not start"
            + " with the schema registry wire format (magic byte 0, then a 4-byte schema id)"
            + " (rule schemaId.required, interceptor under-test)";

    @Test
    void refusesOnlyThePartitionsHoldingARecordWithoutSchemaIdWithInvalidRecord() {
        RegisteredHooks hooks = hooks(Map.of());
        ProduceRequestData request = request(topic("orders",
                partition(0, withSchemaId(1, "a"), withSchemaId(1, "b")),
                partition(1, withSchemaId(1, "a"), plain("oops"), plain("again"))));
        FakeInterceptorContext context = new FakeInterceptorContext(ApiKeys.PRODUCE, 12);

        RequestOutcome outcome = hooks.request(context, request);
        ProduceResponseData response = brokerAnswer("orders", 0);
        hooks.response(context, response);

        assertThat(outcome).isEqualTo(new RequestOutcome.Forward(null));
        assertThat(request.topicData().find("orders", Uuid.ZERO_UUID).partitionData())
                .extracting(p -> p.index()).containsExactly(0);
        TopicProduceResponse orders = response.responses().find("orders", Uuid.ZERO_UUID);
        assertThat(orders.partitionResponses()).extracting(PartitionProduceResponse::index).containsExactly(0, 1);
        PartitionProduceResponse refused = orders.partitionResponses().get(1);
        assertThat(Errors.forCode(refused.errorCode())).isEqualTo(Errors.INVALID_RECORD);
        assertThat(refused.errorMessage()).isEqualTo(REQUIRED_MESSAGE);
        assertThat(refused.recordErrors()).singleElement().satisfies(error -> {
            assertThat(error.batchIndex()).isEqualTo(1);
            assertThat(error.batchIndexErrorMessage()).isEqualTo(REQUIRED_MESSAGE);
        });
        assertThat(context.violations()).containsExactly(new PolicyViolation("schemaId.required", PolicyAction.BLOCK,
                "orders", "record 1", REQUIRED_MESSAGE));
    }

    @Test
    void answersItselfWhenEveryPartitionIsRefused() {
        RegisteredHooks hooks = hooks(Map.of());
        ProduceRequestData request = request(topic("orders", partition(3, plain("x"))));

        RequestOutcome outcome = hooks.request(new FakeInterceptorContext(ApiKeys.PRODUCE, 12), request);

        assertThat(outcome).isInstanceOfSatisfying(RequestOutcome.Respond.class, respond -> {
            ProduceResponseData response = (ProduceResponseData) respond.response();
            PartitionProduceResponse partition = response.responses().find("orders", Uuid.ZERO_UUID)
                    .partitionResponses().get(0);
            assertThat(partition.index()).isEqualTo(3);
            assertThat(Errors.forCode(partition.errorCode())).isEqualTo(Errors.INVALID_RECORD);
            assertThat(partition.errorMessage()).startsWith("record 0 of orders-3 has no schema id");
        });
    }

    @Test
    void forbiddenModeRefusesValuesThatCarryASchemaId() {
        RegisteredHooks hooks = hooks(Map.of("mode", "forbidden"));
        ProduceRequestData request = request(topic("raw", partition(0, plain("ok"), withSchemaId(7, "no"))));
        FakeInterceptorContext context = new FakeInterceptorContext(ApiKeys.PRODUCE, 12);

        RequestOutcome outcome = hooks.request(context, request);

        assertThat(outcome).isInstanceOf(RequestOutcome.Respond.class);
        assertThat(context.violations()).singleElement().satisfies(violation -> {
            assertThat(violation.rule()).isEqualTo("schemaId.forbidden");
            assertThat(violation.message()).isEqualTo("record 1 of raw-0 carries a schema id: its value starts with"
                    + " the schema registry wire format (magic byte 0, then a 4-byte schema id)"
                    + " (rule schemaId.forbidden, interceptor under-test)");
        });
    }

    @Test
    void infoLetsOffendingRecordsThroughAndReportsThem() {
        RegisteredHooks hooks = hooks(Map.of("action", "INFO"));
        ProduceRequestData request = request(topic("orders", partition(0, plain("x"))));
        FakeInterceptorContext context = new FakeInterceptorContext(ApiKeys.PRODUCE, 12);

        RequestOutcome outcome = hooks.request(context, request);

        assertThat(outcome).isEqualTo(new RequestOutcome.Unchanged());
        assertThat(request.topicData().find("orders", Uuid.ZERO_UUID).partitionData()).hasSize(1);
        assertThat(context.violations()).extracting(PolicyViolation::action).containsExactly(PolicyAction.INFO);
    }

    @Test
    void checksOnlyTopicsMatchingTheFilterResolvingTopicIdsOfProduceV13() {
        Uuid orders = Uuid.randomUuid();
        Uuid logs = Uuid.randomUuid();
        RegisteredHooks hooks = hooks(Map.of("topics", "ord.*"));
        ProduceRequestData request = request(topic(orders, partition(0, plain("x"))), topic(logs, partition(0, plain("y"))));
        FakeInterceptorContext context = new FakeInterceptorContext(ApiKeys.PRODUCE, 13)
                .knownTopic(orders, "orders").knownTopic(logs, "logs");

        hooks.request(context, request);
        ProduceResponseData response = new ProduceResponseData();
        response.responses().add(new TopicProduceResponse().setName("").setTopicId(logs));
        hooks.response(context, response);

        assertThat(context.lookups()).containsExactly(List.of(orders, logs));
        assertThat(request.topicData()).extracting(t -> t.topicId()).containsExactly(logs);
        assertThat(response.responses().find("", orders).partitionResponses()).singleElement()
                .satisfies(p -> assertThat(p.errorMessage()).startsWith("record 0 of orders-0 has no schema id"));
        assertThat(context.violations()).extracting(PolicyViolation::topic).containsExactly("orders");
    }

    @Test
    void letsTombstonesAndCompressedCompliantRecordsThrough() {
        RegisteredHooks hooks = hooks(Map.of());
        ProduceRequestData request = request(topic("orders",
                partition(0, Compression.gzip().build(), withSchemaId(1, "a"), null, withSchemaId(2, "b"))));
        FakeInterceptorContext context = new FakeInterceptorContext(ApiKeys.PRODUCE, 12);

        assertThat(hooks.request(context, request)).isEqualTo(new RequestOutcome.Unchanged());
        assertThat(context.violations()).isEmpty();
    }

    @Test
    void refusesValuesTooShortForASchemaId() {
        RegisteredHooks hooks = hooks(Map.of());
        ProduceRequestData request = request(topic("orders", partition(0, new byte[] {0, 0, 0, 1})));

        assertThat(hooks.request(new FakeInterceptorContext(ApiKeys.PRODUCE, 12), request))
                .isInstanceOf(RequestOutcome.Respond.class);
    }

    private static ProduceResponseData brokerAnswer(String topic, int partition) {
        ProduceResponseData response = new ProduceResponseData();
        TopicProduceResponse answer = new TopicProduceResponse().setName(topic);
        answer.partitionResponses().add(new PartitionProduceResponse().setIndex(partition).setBaseOffset(10));
        response.responses().add(answer);
        return response;
    }

    private static RegisteredHooks hooks(Map<String, ?> config) {
        return RegisteredHooks.of(new SchemaIdRequiredPlugin().create(new PluginConfig(config), new FakePluginContext()));
    }
}
