package io.streamgate.plugins.audit;

import io.streamgate.api.RequestOutcome;
import io.streamgate.api.ResponseOutcome;
import io.streamgate.plugins.audit.event.AuditEvent;
import io.streamgate.plugins.testkit.FakeConnection;
import io.streamgate.plugins.testkit.FakeInterceptorContext;
import io.streamgate.plugins.testkit.RegisteredHooks;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.CreateTopicsRequestData;
import org.apache.kafka.common.message.CreateTopicsResponseData;
import org.apache.kafka.common.message.DescribeClusterRequestData;
import org.apache.kafka.common.message.DescribeClusterResponseData;
import org.apache.kafka.common.message.FetchRequestData;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class AuditInterceptorTest {

    private static final Instant NOW = Instant.parse("2025-03-04T05:06:07.089Z");

    private final RecordingTrail trail = new RecordingTrail();

    @Test
    void writesOneEventPerRequestCompletedWithItsResponseOutcome() {
        RegisteredHooks hooks = hooks(config(Set.of(ApiKeys.CREATE_TOPICS), Set.of(), null));
        FakeConnection connection = new FakeConnection().principal("alice").clientId("admin-tool")
                .virtualCluster("team-a").clientAddress(new InetSocketAddress("10.0.0.9", 50000));
        FakeInterceptorContext context = new FakeInterceptorContext(ApiKeys.CREATE_TOPICS, (short) 7, connection);

        RequestOutcome forwarded = hooks.request(context, createTopics("orders", "payments"));
        assertThat(trail.events).as("nothing until the response").isEmpty();
        ResponseOutcome answered = hooks.response(context, createTopicsResponse(
                Map.of("orders", Errors.NONE, "payments", Errors.TOPIC_ALREADY_EXISTS)));

        assertThat(forwarded).isEqualTo(new RequestOutcome.Unchanged());
        assertThat(answered).isEqualTo(new ResponseOutcome.Forward(null));
        assertThat(trail.events).singleElement().isEqualTo(new AuditEvent(NOW, "gateway.test", "connection-1",
                "10.0.0.9:50000", "alice", "admin-tool", "team-a", "CreateTopics", (short) 7,
                List.of("orders", "payments"), "error", Map.of("TOPIC_ALREADY_EXISTS", 1)));
    }

    @Test
    void saysOkWhenTheResponseCarriesNoError() {
        RegisteredHooks hooks = hooks(config(Set.of(ApiKeys.CREATE_TOPICS), Set.of(), null));
        FakeInterceptorContext context = new FakeInterceptorContext(ApiKeys.CREATE_TOPICS, 7);

        hooks.request(context, createTopics("orders"));
        hooks.response(context, createTopicsResponse(Map.of("orders", Errors.NONE)));

        assertThat(trail.events).singleElement().satisfies(event -> {
            assertThat(event.outcome()).isEqualTo("ok");
            assertThat(event.errors()).isEmpty();
            assertThat(event.virtualCluster()).isNull();
            assertThat(event.principal()).isEqualTo("ANONYMOUS");
        });
    }

    @Test
    void writesTheEventOfAProduceWithoutAcknowledgementAtOnceWithOutcomeNone() {
        RegisteredHooks hooks = hooks(config(Set.of(ApiKeys.PRODUCE), Set.of(), null));
        FakeInterceptorContext context = new FakeInterceptorContext(ApiKeys.PRODUCE, 11);

        hooks.request(context, produce((short) 0, "metrics"));

        assertThat(trail.events).singleElement().satisfies(event -> {
            assertThat(event.outcome()).isEqualTo("none");
            assertThat(event.topics()).containsExactly("metrics");
            assertThat(event.api()).isEqualTo("Produce");
        });
        assertThat(context.scratch()).isEmpty();
    }

    @Test
    void auditsOnlyTheChosenUsers() {
        RegisteredHooks hooks = hooks(config(Set.of(ApiKeys.CREATE_TOPICS), Set.of("bob"), null));
        FakeInterceptorContext alice = new FakeInterceptorContext(ApiKeys.CREATE_TOPICS, (short) 7,
                new FakeConnection().principal("alice"));
        FakeInterceptorContext bob = new FakeInterceptorContext(ApiKeys.CREATE_TOPICS, (short) 7,
                new FakeConnection().principal("bob"));

        for (FakeInterceptorContext context : List.of(alice, bob)) {
            hooks.request(context, createTopics("orders"));
            hooks.response(context, createTopicsResponse(Map.of("orders", Errors.NONE)));
        }

        assertThat(trail.events).extracting(AuditEvent::principal).containsExactly("bob");
    }

    @Test
    void auditsOnlyRequestsNamingAMatchingTopicWhenTopicsIsSet() {
        RegisteredHooks hooks = hooks(config(Set.of(ApiKeys.CREATE_TOPICS, ApiKeys.DESCRIBE_CLUSTER), Set.of(),
                Pattern.compile("pay.*")));

        audit(hooks, ApiKeys.CREATE_TOPICS, createTopics("orders"), createTopicsResponse(Map.of("orders", Errors.NONE)));
        audit(hooks, ApiKeys.CREATE_TOPICS, createTopics("orders", "payments"),
                createTopicsResponse(Map.of("orders", Errors.NONE, "payments", Errors.NONE)));
        audit(hooks, ApiKeys.DESCRIBE_CLUSTER, new DescribeClusterRequestData(), new DescribeClusterResponseData());

        assertThat(trail.events).singleElement().extracting(AuditEvent::topics)
                .isEqualTo(List.of("orders", "payments"));
    }

    @Test
    void auditsRequestsWithoutTopicsWhenTopicsIsAbsent() {
        RegisteredHooks hooks = hooks(config(Set.of(ApiKeys.DESCRIBE_CLUSTER), Set.of(), null));

        audit(hooks, ApiKeys.DESCRIBE_CLUSTER, new DescribeClusterRequestData(),
                new DescribeClusterResponseData().setErrorCode(Errors.CLUSTER_AUTHORIZATION_FAILED.code()));

        assertThat(trail.events).singleElement().satisfies(event -> {
            assertThat(event.topics()).isEmpty();
            assertThat(event.outcome()).isEqualTo("error");
            assertThat(event.errors()).isEqualTo(Map.of("CLUSTER_AUTHORIZATION_FAILED", 1));
        });
    }

    @Test
    void namesTopicsThatTheRequestIdentifiesByIdAndKeepsUnknownIds() {
        Uuid orders = Uuid.randomUuid();
        Uuid unknown = Uuid.randomUuid();
        RegisteredHooks hooks = hooks(config(Set.of(ApiKeys.FETCH), Set.of(), Pattern.compile("orders")));
        FakeInterceptorContext context = new FakeInterceptorContext(ApiKeys.FETCH, 17).knownTopic(orders, "orders");
        FetchRequestData fetch = new FetchRequestData().setTopics(List.of(
                new FetchRequestData.FetchTopic().setTopicId(orders), new FetchRequestData.FetchTopic().setTopicId(unknown)));

        hooks.request(context, fetch);
        hooks.response(context, new FetchResponseData());

        assertThat(context.lookups()).containsExactly(List.of(orders, unknown));
        assertThat(trail.events).singleElement().extracting(AuditEvent::topics)
                .isEqualTo(List.of("orders", unknown.toString()));
    }

    @Test
    void ignoresResponsesToRequestsItLeftOut() {
        RegisteredHooks hooks = hooks(config(Set.of(ApiKeys.CREATE_TOPICS), Set.of("bob"), null));
        FakeInterceptorContext context = new FakeInterceptorContext(ApiKeys.CREATE_TOPICS, 7);

        hooks.request(context, createTopics("orders"));
        hooks.response(context, createTopicsResponse(Map.of("orders", Errors.NONE)));

        assertThat(trail.events).isEmpty();
    }

    @Test
    void hooksOnlyTheChosenApis() {
        RegisteredHooks hooks = hooks(config(Set.of(ApiKeys.CREATE_TOPICS, ApiKeys.DELETE_TOPICS), Set.of(), null));

        assertThat(hooks.requestApis()).containsExactlyInAnyOrder(ApiKeys.CREATE_TOPICS, ApiKeys.DELETE_TOPICS);
        assertThat(hooks.responseApis()).containsExactlyInAnyOrder(ApiKeys.CREATE_TOPICS, ApiKeys.DELETE_TOPICS);
    }

    @Test
    void closesItsTrail() {
        new AuditInterceptor(config(Set.of(ApiKeys.PRODUCE), Set.of(), null), "gateway.test", clock(), trail).close();

        assertThat(trail.closed).isTrue();
    }

    private void audit(RegisteredHooks hooks, ApiKeys api, org.apache.kafka.common.protocol.ApiMessage request,
                       org.apache.kafka.common.protocol.ApiMessage response) {
        FakeInterceptorContext context = new FakeInterceptorContext(api, 0);
        hooks.request(context, request);
        hooks.response(context, response);
    }

    private RegisteredHooks hooks(AuditConfig config) {
        return RegisteredHooks.of(new AuditInterceptor(config, "gateway.test", clock(), trail));
    }

    private static Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    private static AuditConfig config(Set<ApiKeys> apis, Set<String> users, Pattern topics) {
        return new AuditConfig(EnumSet.copyOf(apis), users, Optional.ofNullable(topics), Optional.of("audit"),
                Optional.empty(), 100);
    }

    static CreateTopicsRequestData createTopics(String... names) {
        CreateTopicsRequestData.CreatableTopicCollection topics = new CreateTopicsRequestData.CreatableTopicCollection();
        for (String name : names) {
            topics.add(new CreateTopicsRequestData.CreatableTopic().setName(name).setNumPartitions(1)
                    .setReplicationFactor((short) 1));
        }
        return new CreateTopicsRequestData().setTopics(topics);
    }

    static CreateTopicsResponseData createTopicsResponse(Map<String, Errors> results) {
        CreateTopicsResponseData.CreatableTopicResultCollection topics =
                new CreateTopicsResponseData.CreatableTopicResultCollection();
        results.forEach((name, error) -> topics.add(new CreateTopicsResponseData.CreatableTopicResult().setName(name)
                .setErrorCode(error.code())));
        return new CreateTopicsResponseData().setTopics(topics);
    }

    static ProduceRequestData produce(short acks, String topic) {
        return new ProduceRequestData().setAcks(acks).setTopicData(new ProduceRequestData.TopicProduceDataCollection(
                List.of(new ProduceRequestData.TopicProduceData().setName(topic)).iterator()));
    }

    /** Keeps what the interceptor appends. */
    static final class RecordingTrail implements AuditTrail {
        final List<AuditEvent> events = new ArrayList<>();
        boolean closed;

        @Override
        public void append(AuditEvent event) {
            events.add(event);
        }

        @Override
        public long dropped() {
            return 0;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
