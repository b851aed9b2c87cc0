package io.streamgate.plugins.policy.ratelimit;

import io.streamgate.api.ConnectionOutcome;
import io.streamgate.api.PluginConfig;
import io.streamgate.api.PolicyAction;
import io.streamgate.api.PolicyViolation;
import io.streamgate.api.RequestOutcome;
import io.streamgate.api.ResponseOutcome;
import io.streamgate.plugins.testkit.FakeConnection;
import io.streamgate.plugins.testkit.RegisteredHooks;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.message.FetchRequestData;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.message.JoinGroupRequestData;
import org.apache.kafka.common.message.JoinGroupResponseData;
import org.apache.kafka.common.message.OffsetCommitRequestData;
import org.apache.kafka.common.message.OffsetCommitResponseData;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.message.ProduceResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.SimpleRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitInterceptorTest {

    private final AtomicLong clock = new AtomicLong();
    private final FakeConnection alice = new FakeConnection().principal("alice").clientId("app-1");

    @Test
    void letsAProduceOverTheLimitThroughAndSetsTheThrottleTimeOnItsResponse() {
        RegisteredHooks hooks = hooks(Map.of("produceBytesPerSecond", 1000));
        MemoryRecords records = records(3000);
        SchedulingContext context = new SchedulingContext(ApiKeys.PRODUCE, 12, alice);

        RequestOutcome outcome = hooks.request(context, produce(records));
        ProduceResponseData response = new ProduceResponseData();
        ResponseOutcome answered = hooks.response(context, response);

        long expectedMs = (records.sizeInBytes() - 1000) * 1000L / 1000;
        assertThat(outcome).isEqualTo(new RequestOutcome.Unchanged());
        assertThat(answered).isEqualTo(new ResponseOutcome.Forward(null));
        assertThat(response.throttleTimeMs()).isEqualTo((int) expectedMs);
        assertThat(context.delays()).as("a client reading Produce v6+ waits by itself").isEmpty();
        assertThat(context.violations()).containsExactly(new PolicyViolation("produceBytesPerSecond",
                PolicyAction.THROTTLE, null, expectedMs + " ms", "produce rate above 1000 bytes per second for"
                + " principal 'alice': throttled " + expectedMs + " ms (rule produceBytesPerSecond, interceptor"
                + " under-test)"));
    }

    @Test
    void leavesAProduceWithinTheLimitAlone() {
        RegisteredHooks hooks = hooks(Map.of("produceBytesPerSecond", 1_000_000));
        SchedulingContext context = new SchedulingContext(ApiKeys.PRODUCE, 12, alice);

        hooks.request(context, produce(records(3000)));
        ProduceResponseData response = new ProduceResponseData();
        hooks.response(context, response);

        assertThat(response.throttleTimeMs()).isZero();
        assertThat(context.violations()).isEmpty();
    }

    @Test
    void delaysTheResponseForClientsThatDoNotWaitByThemselves() {
        PendingHooks hooks = pendingHooks(Map.of("produceBytesPerSecond", 1000));
        SchedulingContext context = new SchedulingContext(ApiKeys.PRODUCE, 5, alice);
        hooks.request(context, produce(records(3000)));

        CompletionStage<ResponseOutcome> answered = hooks.response(context, new ProduceResponseData());

        assertThat(answered.toCompletableFuture()).isNotDone();
        assertThat(context.delays()).singleElement().satisfies(delay -> assertThat(delay).isPositive());
        context.runScheduled();
        assertThat(answered.toCompletableFuture()).isCompletedWithValue(new ResponseOutcome.Forward(null));
    }

    @Test
    void holdsTheNextRequestOfAClientThatIgnoresItsThrottleTime() {
        PendingHooks hooks = pendingHooks(Map.of("produceBytesPerSecond", 1000));
        SchedulingContext first = new SchedulingContext(ApiKeys.PRODUCE, 12, alice);
        hooks.request(first, produce(records(3000)));
        ProduceResponseData response = new ProduceResponseData();
        hooks.response(first, response);
        clock.addAndGet(Duration.ofMillis(response.throttleTimeMs() / 2).toNanos());

        SchedulingContext second = new SchedulingContext(ApiKeys.PRODUCE, 12, alice);
        CompletionStage<RequestOutcome> held = hooks.request(second, produce(records(10)));

        assertThat(held.toCompletableFuture()).isNotDone();
        assertThat(second.delays()).containsExactly(Duration.ofMillis(response.throttleTimeMs() - response.throttleTimeMs() / 2));
        second.runScheduled();
        assertThat(held.toCompletableFuture()).isCompletedWithValue(new RequestOutcome.Unchanged());
    }

    @Test
    void givesEachClientIdABudgetOfItsOwnWhenKeyedByClientId() {
        RegisteredHooks hooks = hooks(Map.of("produceBytesPerSecond", 1000, "key", "clientId"));
        SchedulingContext app1 = new SchedulingContext(ApiKeys.PRODUCE, 12, alice);
        SchedulingContext app2 = new SchedulingContext(ApiKeys.PRODUCE, 12,
                new FakeConnection().principal("alice").clientId("app-2"));

        hooks.request(app1, produce(records(800)));
        hooks.request(app2, produce(records(800)));

        assertThat(app1.violations()).isEmpty();
        assertThat(app2.violations()).isEmpty();
        hooks.request(app1, produce(records(800)));
        assertThat(app1.violations()).singleElement().satisfies(v ->
                assertThat(v.message()).contains("for client id 'app-1'"));
    }

    @Test
    void holdsTheRequestsAClientPipelinedBehindAThrottledOneBeforeItsResponseCameBack() {
        PendingHooks hooks = pendingHooks(Map.of("produceBytesPerSecond", 1000));
        hooks.request(new SchedulingContext(ApiKeys.PRODUCE, 12, alice), produce(records(3000)));

        SchedulingContext pipelined = new SchedulingContext(ApiKeys.PRODUCE, 12, alice);
        CompletionStage<RequestOutcome> held = hooks.request(pipelined, produce(records(10)));

        assertThat(held.toCompletableFuture()).isNotDone();
        assertThat(pipelined.delays()).singleElement().satisfies(delay -> assertThat(delay).isPositive());
        pipelined.runScheduled();
        assertThat(held.toCompletableFuture()).isCompletedWithValue(new RequestOutcome.Unchanged());
    }

    @Test
    void mutesTheConnectionOfAnAcksZeroProducerItCannotAnswer() {
        PendingHooks hooks = pendingHooks(Map.of("produceBytesPerSecond", 1000));
        hooks.request(new SchedulingContext(ApiKeys.PRODUCE, 12, alice), produce(records(3000)).setAcks((short) 0));

        SchedulingContext next = new SchedulingContext(ApiKeys.PRODUCE, 12, alice);
        CompletionStage<RequestOutcome> held = hooks.request(next, produce(records(10)).setAcks((short) 0));

        assertThat(held.toCompletableFuture()).isNotDone();
    }

    @Test
    void countsFetchedBytesFromTheResponse() {
        RegisteredHooks hooks = hooks(Map.of("fetchBytesPerSecond", 1000, "key", "virtualCluster"));
        SchedulingContext context = new SchedulingContext(ApiKeys.FETCH, 16, alice.virtualCluster("payments"));
        FetchResponseData response = new FetchResponseData();
        response.responses().add(new FetchResponseData.FetchableTopicResponse().setTopic("orders")
                .setPartitions(new ArrayList<>(List.of(
                        new FetchResponseData.PartitionData().setPartitionIndex(0).setRecords(records(3000))))));

        assertThat(hooks.request(context, new FetchRequestData())).isEqualTo(new RequestOutcome.Unchanged());
        hooks.response(context, response);

        assertThat(response.throttleTimeMs()).isPositive();
        assertThat(context.violations()).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo("fetchBytesPerSecond");
            assertThat(v.message()).startsWith("fetch rate above 1000 bytes per second for virtual cluster 'payments'");
        });
    }

    @Test
    void throttlesJoinGroupsOverTheirLimitByDefault() {
        RegisteredHooks hooks = hooks(Map.of("joinGroupsPerMinute", 2));
        for (int i = 0; i < 2; i++) {
            SchedulingContext context = new SchedulingContext(ApiKeys.JOIN_GROUP, 9, alice);
            hooks.request(context, new JoinGroupRequestData());
            JoinGroupResponseData response = new JoinGroupResponseData();
            hooks.response(context, response);
            assertThat(response.throttleTimeMs()).isZero();
        }
        SchedulingContext third = new SchedulingContext(ApiKeys.JOIN_GROUP, 9, alice);
        assertThat(hooks.request(third, new JoinGroupRequestData())).isEqualTo(new RequestOutcome.Unchanged());
        JoinGroupResponseData response = new JoinGroupResponseData();
        hooks.response(third, response);

        assertThat(response.throttleTimeMs()).as("one request's debt at 2 a minute is 30 s, capped")
                .isEqualTo((int) Quota.MAX_THROTTLE_MS);
        assertThat(third.violations()).extracting(PolicyViolation::rule).containsExactly("joinGroupsPerMinute");
    }

    @Test
    void refusesOffsetCommitsOverTheirLimitWhenTheGroupActionIsBlock() {
        RegisteredHooks hooks = hooks(Map.of("offsetCommitsPerMinute", 60, "groupAction", "BLOCK"));
        for (int i = 0; i < 60; i++) {
            hooks.request(new SchedulingContext(ApiKeys.OFFSET_COMMIT, 9, alice), new OffsetCommitRequestData());
        }
        SchedulingContext context = new SchedulingContext(ApiKeys.OFFSET_COMMIT, 9, alice);

        RequestOutcome outcome = hooks.request(context, new OffsetCommitRequestData());

        assertThat(outcome).isEqualTo(new RequestOutcome.Fail(Errors.THROTTLING_QUOTA_EXCEEDED, "OffsetCommit rate"
                + " above 60 requests per minute for principal 'alice': refused, retry in 1000 ms"
                + " (rule offsetCommitsPerMinute, interceptor under-test)"));
        assertThat(context.violations()).extracting(PolicyViolation::action).containsExactly(PolicyAction.BLOCK);
        assertThat(hooks.handlesResponse(OffsetCommitResponseData.class)).isTrue();
    }

    @Test
    void acceptsConnectionsWithinTheLimitAtOnceAndDelaysTheNextByTheThrottleTime() {
        PendingHooks hooks = pendingHooks(Map.of("connectionsPerSecond", 2));
        List<SchedulingContext> connections = new ArrayList<>();
        List<CompletionStage<ConnectionOutcome>> outcomes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            SchedulingContext context = new SchedulingContext(ApiKeys.API_VERSIONS, 3,
                    new FakeConnection().principal("alice"));
            connections.add(context);
            outcomes.add(hooks.connection(context));
        }

        assertThat(outcomes.get(0).toCompletableFuture().getNow(null)).isEqualTo(new ConnectionOutcome.Accept(null));
        assertThat(outcomes.get(1).toCompletableFuture().getNow(null)).isEqualTo(new ConnectionOutcome.Accept(null));
        assertThat(connections.get(2).delays()).containsExactly(Duration.ofMillis(500));
        assertThat(connections.get(3).delays()).containsExactly(Duration.ofMillis(1000));
        assertThat(outcomes.get(2).toCompletableFuture()).isNotDone();
        connections.get(2).runScheduled();
        assertThat(outcomes.get(2).toCompletableFuture().getNow(null)).isEqualTo(new ConnectionOutcome.Accept(null));
        assertThat(connections.get(3).violations()).containsExactly(new PolicyViolation("connectionsPerSecond",
                PolicyAction.THROTTLE, null, "1000 ms", "connection rate above 2 connections per second for principal"
                + " 'alice': accepted after 1000 ms (rule connectionsPerSecond, interceptor under-test)"));
        assertThat(connections.get(0).violations()).isEmpty();
    }

    @Test
    void countsAConnectionOnceHoweverOftenItsHookRuns() {
        PendingHooks hooks = pendingHooks(Map.of("connectionsPerSecond", 1));
        FakeConnection connection = new FakeConnection().principal("alice");

        for (int i = 0; i < 3; i++) { // the hook runs again when the chain or the client id changes
            assertThat(hooks.connection(new SchedulingContext(ApiKeys.METADATA, 12, connection)).toCompletableFuture()
                    .getNow(null)).isEqualTo(new ConnectionOutcome.Accept(null));
        }
        SchedulingContext next = new SchedulingContext(ApiKeys.API_VERSIONS, 3, new FakeConnection().principal("alice"));
        hooks.connection(next);

        assertThat(next.delays()).as("one connection counted before it, not three").containsExactly(
                Duration.ofMillis(1000));
    }

    @Test
    void closesAConnectionOverTheLimitWithBlock() {
        RegisteredHooks hooks = hooks(Map.of("connectionsPerSecond", 1, "connectionAction", "BLOCK"));
        hooks.connection(new SchedulingContext(ApiKeys.API_VERSIONS, 3, alice));
        SchedulingContext second = new SchedulingContext(ApiKeys.API_VERSIONS, 3, new FakeConnection()
                .principal("alice"));

        ConnectionOutcome outcome = hooks.connection(second);

        String message = "connection rate above 1 connections per second for principal 'alice': closed, retry in"
                + " 1000 ms (rule connectionsPerSecond, interceptor under-test)";
        assertThat(outcome).isEqualTo(new ConnectionOutcome.Close(message));
        assertThat(second.violations()).extracting(PolicyViolation::action).containsExactly(PolicyAction.BLOCK);
        assertThat(second.delays()).isEmpty();
    }

    @Test
    void givesEachKeyItsOwnConnectionBudget() {
        RegisteredHooks hooks = hooks(Map.of("connectionsPerSecond", 1, "connectionAction", "BLOCK",
                "key", "clientId"));

        assertThat(hooks.connection(new SchedulingContext(ApiKeys.API_VERSIONS, 3,
                new FakeConnection().clientId("app-1")))).isEqualTo(new ConnectionOutcome.Accept(null));
        assertThat(hooks.connection(new SchedulingContext(ApiKeys.API_VERSIONS, 3,
                new FakeConnection().clientId("app-2")))).isEqualTo(new ConnectionOutcome.Accept(null));
        clock.addAndGet(1_000_000_000L);
        assertThat(hooks.connection(new SchedulingContext(ApiKeys.API_VERSIONS, 3,
                new FakeConnection().clientId("app-1")))).isEqualTo(new ConnectionOutcome.Accept(null));
    }

    @Test
    void hooksConnectionsOnlyWithAConnectionLimit() {
        assertThat(hooks(Map.of("produceBytesPerSecond", 1000)).handlesConnections()).isFalse();
        RegisteredHooks connectionsOnly = hooks(Map.of("connectionsPerSecond", 10));
        assertThat(connectionsOnly.handlesConnections()).isTrue();
        assertThat(connectionsOnly.requestApis()).isEmpty();
        assertThat(connectionsOnly.responseApis()).isEmpty();
    }

    @Test
    void hooksOnlyTheApisItLimits() {
        RegisteredHooks hooks = hooks(Map.of("produceBytesPerSecond", 1000));

        assertThat(hooks.requestApis()).containsExactly(ApiKeys.PRODUCE);
        assertThat(hooks.responseApis()).containsExactly(ApiKeys.PRODUCE);
    }

    private RegisteredHooks hooks(Map<String, ?> config) {
        return RegisteredHooks.of(RateLimitPlugin.create(new PluginConfig(config), clock::get));
    }

    private PendingHooks pendingHooks(Map<String, ?> config) {
        return PendingHooks.of(RateLimitPlugin.create(new PluginConfig(config), clock::get));
    }

    private static ProduceRequestData produce(MemoryRecords records) {
        ProduceRequestData request = new ProduceRequestData().setAcks((short) -1);
        ProduceRequestData.TopicProduceData topic = new ProduceRequestData.TopicProduceData().setName("orders");
        topic.partitionData().add(new ProduceRequestData.PartitionProduceData().setIndex(0).setRecords(records));
        request.topicData().add(topic);
        return request;
    }

    /** Records of about {@code bytes} bytes in all. */
    private static MemoryRecords records(int bytes) {
        return MemoryRecords.withRecords(Compression.NONE, new SimpleRecord(null, new byte[bytes]));
    }
}
