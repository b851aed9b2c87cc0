package io.streamgate.plugins.policy.produce;

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
import org.apache.kafka.common.message.ProduceRequestData.PartitionProduceData;
import org.apache.kafka.common.message.ProduceResponseData;
import org.apache.kafka.common.message.ProduceResponseData.PartitionProduceResponse;
import org.apache.kafka.common.message.ProduceResponseData.TopicProduceResponse;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.streamgate.plugins.policy.produce.Produces.answer;
import static io.streamgate.plugins.policy.produce.Produces.header;
import static io.streamgate.plugins.policy.produce.Produces.idempotent;
import static io.streamgate.plugins.policy.produce.Produces.partition;
import static io.streamgate.plugins.policy.produce.Produces.plain;
import static io.streamgate.plugins.policy.produce.Produces.produce;
import static io.streamgate.plugins.policy.produce.Produces.record;
import static io.streamgate.plugins.policy.produce.Produces.topic;
import static org.assertj.core.api.Assertions.assertThat;

class ProducePolicyInterceptorTest {

    private static final Map<String, Object> ACKS_ALL = Map.of("acks", Map.of("allowed", List.of(-1)));

    private final FakeInterceptorContext context = new FakeInterceptorContext(ApiKeys.PRODUCE, 12)
            .interceptorName("produce-guard");

    @Test
    void refusesAcksOutsideTheAllowedOnesWithInvalidRequiredAcks() {
        RequestOutcome outcome = hooks(ACKS_ALL).request(context, produce(1, topic("orders", partition(0))));

        PartitionProduceResponse answer = answer(respondedWith(outcome), "orders", Uuid.ZERO_UUID, 0);
        assertThat(Errors.forCode(answer.errorCode())).isEqualTo(Errors.INVALID_REQUIRED_ACKS);
        assertThat(answer.errorMessage())
                .isEqualTo("acks 1 is not allowed, allowed are -1 (rule acks, interceptor produce-guard)");
        assertThat(answer.baseOffset()).isEqualTo(-1);
        assertThat(context.violations()).containsExactly(new PolicyViolation("acks", PolicyAction.BLOCK, "orders", "1",
                "acks 1 is not allowed, allowed are -1 (rule acks, interceptor produce-guard)"));
    }

    @Test
    void forwardsRequestsThatFollowEveryRuleWithoutReporting() {
        ProduceRequestData request = produce(-1, topic("orders", partition(0), partition(1)));

        RequestOutcome outcome = hooks(ACKS_ALL).request(context, request);

        assertThat(outcome).isEqualTo(new RequestOutcome.Unchanged());
        assertThat(request.topicData().find("orders", Uuid.ZERO_UUID).partitionData()).hasSize(2);
        assertThat(context.violations()).isEmpty();
        assertThat(context.scratch()).isEmpty();
    }

    @Test
    void infoLetsTheRequestThroughAndReportsIt() {
        ProduceRequestData request = produce(1, topic("orders", partition(0)));

        RequestOutcome outcome = hooks(Map.of("acks", Map.of("allowed", List.of(-1), "action", "INFO")))
                .request(context, request);

        assertThat(outcome).isEqualTo(new RequestOutcome.Unchanged());
        assertThat(request.topicData().find("orders", Uuid.ZERO_UUID).partitionData()).hasSize(1);
        assertThat(context.violations()).singleElement().satisfies(v -> {
            assertThat(v.action()).isEqualTo(PolicyAction.INFO);
            assertThat(v.rule()).isEqualTo("acks");
        });
    }

    @Test
    void refusesCodecsOutsideTheAllowedOnesReadFromTheBatchHeader() {
        RegisteredHooks hooks = hooks(Map.of("compression", Map.of("allowed", List.of("lz4", "zstd"))));

        RequestOutcome gzip = hooks.request(context, produce(-1, topic("orders",
                partition(0, idempotent(Compression.gzip().build(), record("a"), record("b"))))));
        RequestOutcome lz4 = hooks.request(context, produce(-1, topic("orders",
                partition(0, idempotent(Compression.lz4().build(), record("a"))))));

        PartitionProduceResponse answer = answer(respondedWith(gzip), "orders", Uuid.ZERO_UUID, 0);
        assertThat(Errors.forCode(answer.errorCode())).isEqualTo(Errors.UNSUPPORTED_COMPRESSION_TYPE);
        assertThat(answer.errorMessage()).isEqualTo(
                "compression gzip is not allowed, allowed are lz4, zstd (rule compression, interceptor produce-guard)");
        assertThat(lz4).isEqualTo(new RequestOutcome.Unchanged());
        assertThat(context.violations()).extracting(PolicyViolation::value).containsExactly("gzip");
    }

    @Test
    void refusesBatchesWithoutProducerIdWhenIdempotenceIsRequired() {
        RegisteredHooks hooks = hooks(Map.of("idempotence", Map.of()));

        RequestOutcome outcome = hooks.request(context, produce(-1, topic("orders",
                partition(0, plain(Compression.NONE, record("a"))))));

        PartitionProduceResponse answer = answer(respondedWith(outcome), "orders", Uuid.ZERO_UUID, 0);
        assertThat(Errors.forCode(answer.errorCode())).isEqualTo(Errors.POLICY_VIOLATION);
        assertThat(answer.errorMessage()).isEqualTo("producer id -1: records must come from an idempotent producer "
                + "(enable.idempotence=true) (rule idempotence, interceptor produce-guard)");
        assertThat(hooks.request(context, produce(-1, topic("orders", partition(0)))))
                .isEqualTo(new RequestOutcome.Unchanged());
    }

    @Test
    void refusesRequestsWithoutTransactionalIdWhenTransactionsAreRequired() {
        RegisteredHooks hooks = hooks(Map.of("transactions", Map.of()));

        RequestOutcome outcome = hooks.request(context, produce(-1, topic("orders", partition(0))));
        RequestOutcome transactional = hooks.request(context,
                produce(-1, topic("orders", partition(0))).setTransactionalId("tx-1"));

        PartitionProduceResponse answer = answer(respondedWith(outcome), "orders", Uuid.ZERO_UUID, 0);
        assertThat(Errors.forCode(answer.errorCode())).isEqualTo(Errors.POLICY_VIOLATION);
        assertThat(answer.errorMessage()).startsWith("records must be produced in a transaction");
        assertThat(transactional).isEqualTo(new RequestOutcome.Unchanged());
    }

    @Test
    void refusesRecordsLackingARequiredHeaderWithInvalidRecord() {
        RegisteredHooks hooks = hooks(Map.of("headers", Map.of("required", List.of("trace-id", "owner"))));

        RequestOutcome outcome = hooks.request(context, produce(-1, topic("orders", partition(0,
                idempotent(Compression.zstd().build(), record("a", header("trace-id"), header("owner")),
                        record("b", header("owner")))))));
        RequestOutcome complete = hooks.request(context, produce(-1, topic("orders", partition(0,
                idempotent(Compression.NONE, record("a", header("owner"), header("trace-id")))))));

        PartitionProduceResponse answer = answer(respondedWith(outcome), "orders", Uuid.ZERO_UUID, 0);
        assertThat(Errors.forCode(answer.errorCode())).isEqualTo(Errors.INVALID_RECORD);
        assertThat(answer.errorMessage()).isEqualTo(
                "record 1 of a batch lacks the required header trace-id (rule headers, interceptor produce-guard)");
        assertThat(complete).isEqualTo(new RequestOutcome.Unchanged());
    }

    @Test
    void refusesProduceVersionsOutsideTheRangeWithUnsupportedVersion() {
        RegisteredHooks hooks = hooks(Map.of("apiVersion", Map.of("min", 9, "max", 11)));

        RequestOutcome tooNew = hooks.request(context, produce(-1, topic("orders", partition(0))));
        RequestOutcome inRange = hooks.request(new FakeInterceptorContext(ApiKeys.PRODUCE, 10),
                produce(-1, topic("orders", partition(0))));

        PartitionProduceResponse answer = answer(respondedWith(tooNew), "orders", Uuid.ZERO_UUID, 0);
        assertThat(Errors.forCode(answer.errorCode())).isEqualTo(Errors.UNSUPPORTED_VERSION);
        assertThat(answer.errorMessage()).isEqualTo(
                "Produce version 12 is above the maximum of 11 (rule apiVersion, interceptor produce-guard)");
        assertThat(inRange).isEqualTo(new RequestOutcome.Unchanged());
    }

    @Test
    void refusesRecordBatchesLargerThanTheMaximumAsSent() {
        RegisteredHooks hooks = hooks(Map.of("recordBatchSize", Map.of("max", 200)));
        PartitionProduceData large = partition(0, idempotent(Compression.NONE, record("x".repeat(300))));
        int size = large.records().sizeInBytes();

        RequestOutcome outcome = hooks.request(context, produce(-1, topic("orders", large)));

        PartitionProduceResponse answer = answer(respondedWith(outcome), "orders", Uuid.ZERO_UUID, 0);
        assertThat(Errors.forCode(answer.errorCode())).isEqualTo(Errors.MESSAGE_TOO_LARGE);
        assertThat(answer.errorMessage()).isEqualTo("record batch of " + size
                + " bytes is above the maximum of 200 (rule recordBatchSize, interceptor produce-guard)");
        assertThat(hooks.request(context, produce(-1, topic("orders", partition(0)))))
                .isEqualTo(new RequestOutcome.Unchanged());
    }

    @Test
    void sendsTheCompliantPartitionsAndAnswersWithTheBrokersResponsePlusTheRefusedOnes() {
        RegisteredHooks hooks = hooks(Map.of("idempotence", Map.of()));
        ProduceRequestData request = produce(-1,
                topic("orders", partition(0), partition(1, plain(Compression.NONE, record("a")))),
                topic("audit", partition(0, plain(Compression.NONE, record("b")))));
        ProduceResponseData brokers = new ProduceResponseData().setThrottleTimeMs(7);
        brokers.responses().add(new TopicProduceResponse().setName("orders").setPartitionResponses(
                new ArrayList<>(List.of(new PartitionProduceResponse().setIndex(0).setBaseOffset(42)))));
        context.broker(sent -> brokers);

        ProduceResponseData response = respondedWith(hooks.request(context, request));

        assertThat(context.sentRequests()).singleElement().isSameAs(request);
        assertThat(request.topicData()).extracting(t -> t.name()).containsExactly("orders");
        assertThat(request.topicData().find("orders", Uuid.ZERO_UUID).partitionData())
                .extracting(PartitionProduceData::index).containsExactly(0);
        assertThat(response.throttleTimeMs()).isEqualTo(7);
        assertThat(answer(response, "orders", Uuid.ZERO_UUID, 0).baseOffset()).isEqualTo(42);
        assertThat(Errors.forCode(answer(response, "orders", Uuid.ZERO_UUID, 1).errorCode()))
                .isEqualTo(Errors.POLICY_VIOLATION);
        assertThat(Errors.forCode(answer(response, "audit", Uuid.ZERO_UUID, 0).errorCode()))
                .isEqualTo(Errors.POLICY_VIOLATION);
        assertThat(context.violations()).extracting(PolicyViolation::topic).containsExactly("orders", "audit");
    }

    @Test
    void hooksNoResponseSoThatTheBrokersProduceResponsesAreForwardedAsTheirBytes() {
        RegisteredHooks hooks = hooks(ACKS_ALL);

        assertThat(hooks.requestApis()).containsExactly(ApiKeys.PRODUCE);
        assertThat(hooks.responseApis()).isEmpty();
    }

    @Test
    void reportsABreachOncePerRuleAndTopicHoweverManyPartitionsBreakIt() {
        hooks(Map.of("acks", Map.of("allowed", List.of(-1)), "transactions", Map.of()))
                .request(context, produce(1, topic("orders", partition(0), partition(1), partition(2))));

        assertThat(context.violations()).extracting(PolicyViolation::rule).containsExactly("acks", "transactions");
    }

    @Test
    void checksOnlyTheTopicsTheFilterSelects() {
        ProduceRequestData request = produce(1, topic("orders", partition(0)), topic("logs", partition(0)));

        RequestOutcome outcome = hooks(Map.of("topics", "ord.*", "acks", Map.of("allowed", List.of(-1))))
                .request(context.broker(sent -> new ProduceResponseData()), request);

        assertThat(outcome).isInstanceOf(RequestOutcome.Respond.class);
        assertThat(context.sentRequests()).singleElement().isSameAs(request);
        assertThat(request.topicData()).extracting(t -> t.name()).containsExactly("logs");
        assertThat(context.violations()).extracting(PolicyViolation::topic).containsExactly("orders");
    }

    @Test
    void namesTopicsThatProduceV13IdentifiesByIdAndChecksUnknownIdsToFailClosed() {
        Uuid orders = Uuid.randomUuid();
        Uuid logs = Uuid.randomUuid();
        Uuid unknown = Uuid.randomUuid();
        FakeInterceptorContext v13 = new FakeInterceptorContext(ApiKeys.PRODUCE, 13)
                .knownTopic(orders, "orders").knownTopic(logs, "logs").broker(sent -> new ProduceResponseData());

        RequestOutcome outcome = hooks(Map.of("topics", "ord.*", "acks", Map.of("allowed", List.of(-1))))
                .request(v13, produce(1, topic(orders, partition(0)), topic(logs, partition(0)),
                        topic(unknown, partition(0))));

        assertThat(v13.violations()).extracting(PolicyViolation::topic)
                .containsExactly("orders", unknown.toString());
        ProduceResponseData response = respondedWith(outcome);
        assertThat(Errors.forCode(answer(response, "", orders, 0).errorCode())).isEqualTo(Errors.INVALID_REQUIRED_ACKS);
        assertThat(Errors.forCode(answer(response, "", unknown, 0).errorCode()))
                .isEqualTo(Errors.INVALID_REQUIRED_ACKS);
    }

    @Test
    void asksNoTopicNamesForRequestsThatNameTheirTopics() {
        hooks(ACKS_ALL).request(context, produce(-1, topic("orders", partition(0))));

        assertThat(context.lookups()).isEmpty();
    }

    @Test
    void closesTheConnectionOnARefusedAcksZeroRequestAsABrokerDoes() {
        RequestOutcome outcome = hooks(Map.of("transactions", Map.of()))
                .request(context, produce(0, topic("orders", partition(0))));

        assertThat(outcome).isInstanceOfSatisfying(RequestOutcome.Close.class, close ->
                assertThat(close.reason()).isEqualTo("an acks=0 Produce request broke a rule: records must be "
                        + "produced in a transaction (transactional.id set), this request has no transactional id "
                        + "(rule transactions, interceptor produce-guard)"));
        assertThat(context.violations()).hasSize(1);
    }

    private static ProduceResponseData respondedWith(RequestOutcome outcome) {
        assertThat(outcome).isInstanceOf(RequestOutcome.Respond.class);
        return (ProduceResponseData) ((RequestOutcome.Respond) outcome).response();
    }

    private static RegisteredHooks hooks(Map<String, ?> config) {
        return RegisteredHooks.of(new ProducePolicyPlugin().create(new PluginConfig(config), new FakePluginContext()));
    }
}
