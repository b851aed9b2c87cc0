package io.streamgate.plugins.headers.inject;

import io.streamgate.api.PluginConfig;
import io.streamgate.api.RequestOutcome;
import io.streamgate.plugins.testkit.FakeConnection;
import io.streamgate.plugins.testkit.FakeInterceptorContext;
import io.streamgate.plugins.testkit.FakePluginContext;
import io.streamgate.plugins.testkit.RegisteredHooks;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.record.internal.BaseRecords;
import org.apache.kafka.common.record.internal.CompressionType;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.MutableRecordBatch;
import org.apache.kafka.common.record.internal.Record;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.streamgate.plugins.headers.fakes.TestRecords.TIMESTAMP;
import static io.streamgate.plugins.headers.fakes.TestRecords.batches;
import static io.streamgate.plugins.headers.fakes.TestRecords.header;
import static io.streamgate.plugins.headers.fakes.TestRecords.headers;
import static io.streamgate.plugins.headers.fakes.TestRecords.read;
import static io.streamgate.plugins.headers.fakes.TestRecords.record;
import static io.streamgate.plugins.headers.fakes.TestRecords.value;
import static org.assertj.core.api.Assertions.assertThat;

class InjectHeadersInterceptorTest {

    private static final long NOW = 1_720_000_000_123L;
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);

    @Test
    void rendersEveryTemplateVariableFromTheRequestAndConnection() {
        RegisteredHooks hooks = hooks(Map.of("headers", Map.of(
                "x-who", "{{user}}/{{clientId}}@{{clientIp}}",
                "x-where", "{{ vcluster }}|{{gatewayHost}}",
                "x-how", "v{{apiVersion}} at {{timestamp}}")));
        FakeConnection connection = new FakeConnection().principal("alice").clientId("billing")
                .virtualCluster("team-a").clientAddress(new InetSocketAddress("10.1.2.3", 40000));
        ProduceRequestData request = produce("orders", MemoryRecords.withRecords(Compression.NONE, record("k", "v")));

        RequestOutcome outcome = hooks.request(new FakeInterceptorContext(ApiKeys.PRODUCE, (short) 11, connection), request);

        assertThat(outcome).isEqualTo(new RequestOutcome.Forward(null));
        Record produced = read(records(request)).get(0);
        assertThat(header(produced, "x-who")).isEqualTo("alice/billing@10.1.2.3");
        assertThat(header(produced, "x-where")).isEqualTo("team-a|gateway.test");
        assertThat(header(produced, "x-how")).isEqualTo("v11 at " + NOW);
    }

    @Test
    void rendersAnAnonymousUserAndNoVirtualClusterAsEmpty() {
        RegisteredHooks hooks = hooks(Map.of("headers", Map.of("x-user", "{{user}}", "x-vc", "[{{vcluster}}]")));
        ProduceRequestData request = produce("orders", MemoryRecords.withRecords(Compression.NONE, record("k", "v")));

        hooks.request(new FakeInterceptorContext(ApiKeys.PRODUCE, 9), request);

        Record produced = read(records(request)).get(0);
        assertThat(header(produced, "x-user")).isEqualTo("ANONYMOUS");
        assertThat(header(produced, "x-vc")).isEqualTo("[]");
    }

    @Test
    void givesEveryRecordItsOwnUuid() {
        RegisteredHooks hooks = hooks(Map.of("headers", Map.of("x-id", "{{uuid}}")));
        ProduceRequestData request = produce("orders", MemoryRecords.withRecords(Compression.NONE,
                record("a", "1"), record("b", "2"), record("c", "3")));

        hooks.request(new FakeInterceptorContext(ApiKeys.PRODUCE, 9), request);

        List<String> ids = read(records(request)).stream().map(r -> header(r, "x-id")).toList();
        assertThat(ids).hasSize(3).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}"));
    }

    @Test
    void keepsAHeaderTheProducerAlreadySet() {
        RegisteredHooks hooks = hooks(Map.of("headers", Map.of("source", "gateway", "x-added", "yes")));
        ProduceRequestData request = produce("orders", MemoryRecords.withRecords(Compression.NONE,
                record("k", "v", header("source", "app"))));

        hooks.request(new FakeInterceptorContext(ApiKeys.PRODUCE, 9), request);

        assertThat(headers(read(records(request)).get(0))).containsExactly("source=app", "x-added=yes");
    }

    @Test
    void replacesEveryOccurrenceOfAHeaderTheProducerSetWhenOverrideExisting() {
        RegisteredHooks hooks = hooks(Map.of("headers", Map.of("source", "gateway"), "overrideExisting", true));
        ProduceRequestData request = produce("orders", MemoryRecords.withRecords(Compression.NONE,
                record("k", "v", header("source", "app"), header("other", "1"), header("source", "app2"))));

        hooks.request(new FakeInterceptorContext(ApiKeys.PRODUCE, 9), request);

        assertThat(headers(read(records(request)).get(0))).containsExactly("other=1", "source=gateway");
    }

    @Test
    void leavesRecordsThatAlreadyHaveEveryHeaderAsTheProducerWroteThem() {
        RegisteredHooks hooks = hooks(Map.of("headers", Map.of("source", "gateway")));
        MemoryRecords original = MemoryRecords.withRecords(Compression.NONE, record("k", "v", header("source", "app")));
        ProduceRequestData request = produce("orders", original);

        hooks.request(new FakeInterceptorContext(ApiKeys.PRODUCE, 9), request);

        assertThat(records(request)).isSameAs(original);
    }

    @Test
    void keepsKeyValueTimestampAndOffsetsOfEveryRecord() {
        RegisteredHooks hooks = hooks(Map.of("headers", Map.of("x", "y")));
        ProduceRequestData request = produce("orders", MemoryRecords.withRecords(Compression.NONE,
                record("k1", "v1"), record("k2", null)));

        hooks.request(new FakeInterceptorContext(ApiKeys.PRODUCE, 9), request);

        List<Record> produced = read(records(request));
        assertThat(produced).extracting(Record::offset).containsExactly(0L, 1L);
        assertThat(produced).extracting(Record::timestamp).containsOnly(TIMESTAMP);
        assertThat(produced).extracting(r -> value(r)).containsExactly("v1", null);
        assertThat(produced).allSatisfy(r -> assertThat(header(r, "x")).isEqualTo("y"));
    }

    @Test
    void keepsAnIdempotentLz4BatchValidWithItsProducerState() {
        RegisteredHooks hooks = hooks(Map.of("headers", Map.of("x-id", "{{uuid}}")));
        ProduceRequestData request = produce("orders", MemoryRecords.withIdempotentRecords(Compression.lz4().build(),
                4242L, (short) 3, 17, record("a", "1"), record("b", "2")));

        hooks.request(new FakeInterceptorContext(ApiKeys.PRODUCE, 9), request);

        MutableRecordBatch batch = batches(records(request)).get(0);
        batch.ensureValid();
        assertThat(batch.compressionType()).isEqualTo(CompressionType.LZ4);
        assertThat(batch.producerId()).isEqualTo(4242L);
        assertThat(batch.producerEpoch()).isEqualTo((short) 3);
        assertThat(batch.baseSequence()).isEqualTo(17);
        assertThat(batch.lastSequence()).isEqualTo(18);
        assertThat(batch.isTransactional()).isFalse();
        assertThat(read(records(request))).allSatisfy(r -> assertThat(header(r, "x-id")).isNotBlank());
    }

    @Test
    void keepsATransactionalZstdBatchTransactional() {
        RegisteredHooks hooks = hooks(Map.of("headers", Map.of("x", "y")));
        ProduceRequestData request = produce("orders", MemoryRecords.withTransactionalRecords(
                Compression.zstd().build(), 77L, (short) 1, 0, record("a", "1")));

        hooks.request(new FakeInterceptorContext(ApiKeys.PRODUCE, 9), request);

        MutableRecordBatch batch = batches(records(request)).get(0);
        batch.ensureValid();
        assertThat(batch.isTransactional()).isTrue();
        assertThat(batch.compressionType()).isEqualTo(CompressionType.ZSTD);
        assertThat(batch.producerId()).isEqualTo(77L);
    }

    @Test
    void addsHeadersOnlyToTopicsWhoseWholeNameMatches() {
        RegisteredHooks hooks = hooks(Map.of("headers", Map.of("x", "y"), "topics", "orders.*"));
        MemoryRecords other = MemoryRecords.withRecords(Compression.NONE, record("k", "v"));
        ProduceRequestData request = produce(
                topic("orders-eu", MemoryRecords.withRecords(Compression.NONE, record("k", "v"))),
                topic("all-orders", other));

        hooks.request(new FakeInterceptorContext(ApiKeys.PRODUCE, 9), request);

        assertThat(header(read(records(request, "orders-eu")).get(0), "x")).isEqualTo("y");
        assertThat(records(request, "all-orders")).isSameAs(other);
    }

    @Test
    void resolvesTopicIdsOfProduceV13ToMatchTopicNames() {
        Uuid ordersId = Uuid.randomUuid();
        Uuid auditId = Uuid.randomUuid();
        RegisteredHooks hooks = hooks(Map.of("headers", Map.of("x", "y"), "topics", "orders"));
        MemoryRecords auditRecords = MemoryRecords.withRecords(Compression.NONE, record("k", "v"));
        ProduceRequestData request = produce(
                topicById(ordersId, MemoryRecords.withRecords(Compression.NONE, record("k", "v"))),
                topicById(auditId, auditRecords));
        FakeInterceptorContext context = new FakeInterceptorContext(ApiKeys.PRODUCE, 13)
                .knownTopic(ordersId, "orders").knownTopic(auditId, "audit");

        hooks.request(context, request);

        assertThat(context.lookups()).containsExactly(List.of(ordersId, auditId));
        assertThat(header(read(request.topicData().iterator().next().partitionData().get(0).records()).get(0), "x"))
                .isEqualTo("y");
        assertThat(request.topicData().find("", auditId).partitionData().get(0).records()).isSameAs(auditRecords);
    }

    @Test
    void asksForNoTopicNamesWhenEveryTopicIsSelected() {
        Uuid id = Uuid.randomUuid();
        RegisteredHooks hooks = hooks(Map.of("headers", Map.of("x", "y")));
        ProduceRequestData request = produce(topicById(id, MemoryRecords.withRecords(Compression.NONE, record("k", "v"))));
        FakeInterceptorContext context = new FakeInterceptorContext(ApiKeys.PRODUCE, 13);

        hooks.request(context, request);

        assertThat(context.lookups()).isEmpty();
        assertThat(header(read(request.topicData().find("", id).partitionData().get(0).records()).get(0), "x")).isEqualTo("y");
    }

    @Test
    void treatsATopicIdTheClusterDoesNotKnowAsSelected() {
        Uuid unknown = Uuid.randomUuid();
        RegisteredHooks hooks = hooks(Map.of("headers", Map.of("x", "y"), "topics", "orders"));
        ProduceRequestData request = produce(topicById(unknown, MemoryRecords.withRecords(Compression.NONE, record("k", "v"))));

        hooks.request(new FakeInterceptorContext(ApiKeys.PRODUCE, 13), request);

        assertThat(header(read(request.topicData().find("", unknown).partitionData().get(0).records()).get(0), "x"))
                .isEqualTo("y");
    }

    @Test
    void ignoresPartitionsWithoutRecords() {
        RegisteredHooks hooks = hooks(Map.of("headers", Map.of("x", "y")));
        ProduceRequestData request = produce("orders", MemoryRecords.EMPTY);

        hooks.request(new FakeInterceptorContext(ApiKeys.PRODUCE, 9), request);

        assertThat(records(request)).isSameAs(MemoryRecords.EMPTY);
    }

    private static RegisteredHooks hooks(Map<String, ?> config) {
        return RegisteredHooks.of(new InjectHeadersPlugin(CLOCK).create(new PluginConfig(config), new FakePluginContext()));
    }

    static ProduceRequestData produce(String topic, MemoryRecords records) {
        return produce(topic(topic, records));
    }

    static ProduceRequestData produce(ProduceRequestData.TopicProduceData... topics) {
        return new ProduceRequestData().setAcks((short) -1).setTimeoutMs(30_000)
                .setTopicData(new ProduceRequestData.TopicProduceDataCollection(List.of(topics).iterator()));
    }

    static ProduceRequestData.TopicProduceData topic(String name, MemoryRecords records) {
        return new ProduceRequestData.TopicProduceData().setName(name).setPartitionData(List.of(
                new ProduceRequestData.PartitionProduceData().setIndex(0).setRecords(records)));
    }

    static ProduceRequestData.TopicProduceData topicById(Uuid id, MemoryRecords records) {
        return new ProduceRequestData.TopicProduceData().setTopicId(id).setPartitionData(List.of(
                new ProduceRequestData.PartitionProduceData().setIndex(0).setRecords(records)));
    }

    private static BaseRecords records(ProduceRequestData request) {
        return request.topicData().iterator().next().partitionData().get(0).records();
    }

    private static BaseRecords records(ProduceRequestData request, String topic) {
        return request.topicData().find(topic, Uuid.ZERO_UUID).partitionData().get(0).records();
    }
}
