package io.streamgate.plugins.headers.mask;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamgate.api.PluginConfig;
import io.streamgate.plugins.testkit.FakeConnection;
import io.streamgate.plugins.testkit.FakeInterceptorContext;
import io.streamgate.plugins.testkit.FakePluginContext;
import io.streamgate.plugins.testkit.RegisteredHooks;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.message.FetchRequestData;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.message.ShareFetchResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.internal.CompressionType;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.MutableRecordBatch;
import org.apache.kafka.common.record.internal.Record;
import org.apache.kafka.common.record.internal.SimpleRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.streamgate.plugins.headers.fakes.Fetches.partition;
import static io.streamgate.plugins.headers.fakes.Fetches.request;
import static io.streamgate.plugins.headers.fakes.Fetches.response;
import static io.streamgate.plugins.headers.fakes.Fetches.shareResponse;
import static io.streamgate.plugins.headers.fakes.Fetches.topic;
import static io.streamgate.plugins.headers.fakes.TestRecords.batches;
import static io.streamgate.plugins.headers.fakes.TestRecords.concat;
import static io.streamgate.plugins.headers.fakes.TestRecords.header;
import static io.streamgate.plugins.headers.fakes.TestRecords.headers;
import static io.streamgate.plugins.headers.fakes.TestRecords.key;
import static io.streamgate.plugins.headers.fakes.TestRecords.read;
import static io.streamgate.plugins.headers.fakes.TestRecords.record;
import static io.streamgate.plugins.headers.fakes.TestRecords.value;
import static org.assertj.core.api.Assertions.assertThat;

class MaskFieldsInterceptorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORDER = "{\"customer\":{\"name\":\"Ann\",\"ssn\":\"123-45-6789\"},"
            + "\"cards\":[{\"number\":\"4111111111111111\"},{\"number\":\"5500000000000004\"}],"
            + "\"items\":[{\"price\":12.50},{\"price\":3}]}";
    private static final List<Map<String, Object>> ORDER_RULES = List.of(
            Map.of("path", "customer.ssn"),
            Map.of("path", "cards[*].number", "mode", "keepLast", "count", 4),
            Map.of("path", "items[0].price", "mode", "all"));

    @Test
    void masksEachRuleSelectionAndLeavesTheRestOfTheValue() throws Exception {
        RegisteredHooks hooks = hooks(Map.of("rules", ORDER_RULES));
        FetchResponseData response = response(topic("orders", MemoryRecords.withRecords(Compression.NONE,
                record("k", ORDER, header("h", "1")))));

        hooks.response(fetchContext(12), response);

        Record masked = read(partition(response, 0).records()).get(0);
        assertThat(JSON.readTree(value(masked))).isEqualTo(JSON.readTree("{\"customer\":{\"name\":\"Ann\","
                + "\"ssn\":\"***********\"},\"cards\":[{\"number\":\"************1111\"},"
                + "{\"number\":\"************0004\"}],\"items\":[{\"price\":\"*****\"},{\"price\":3}]}"));
        assertThat(headers(masked)).containsExactly("h=1");
        assertThat(key(masked)).isEqualTo("k");
    }

    @Test
    void masksWithTheConfiguredCharacterAndKeepFirst() {
        RegisteredHooks hooks = hooks(Map.of("rules", List.of(Map.of("path", "iban", "mode", "keepFirst", "count", 2)),
                "maskCharacter", "#"));
        FetchResponseData response = response(topic("accounts", MemoryRecords.withRecords(Compression.NONE,
                record(null, "{\"iban\":\"DE89370400440532013000\"}"))));

        hooks.response(fetchContext(12), response);

        assertThat(value(read(partition(response, 0).records()).get(0)))
                .isEqualTo("{\"iban\":\"DE####################\"}");
    }

    @Test
    void keepsNumbersExactWhenRewritingAValue() {
        RegisteredHooks hooks = hooks(Map.of("rules", List.of(Map.of("path", "secret"))));
        FetchResponseData response = response(topic("t", MemoryRecords.withRecords(Compression.NONE,
                record(null, "{\"secret\":\"x\",\"amount\":1234567890.123456789012,\"big\":123456789012345678901234567890}"))));

        hooks.response(fetchContext(12), response);

        assertThat(value(read(partition(response, 0).records()).get(0))).isEqualTo(
                "{\"secret\":\"*\",\"amount\":1234567890.123456789012,\"big\":123456789012345678901234567890}");
    }

    @Test
    void leavesBatchesWhoseValuesHaveNoSelectedFieldAsTheBrokerSentThem() {
        RegisteredHooks hooks = hooks(Map.of("rules", ORDER_RULES));
        MemoryRecords original = MemoryRecords.withRecords(Compression.NONE,
                record("k", "{ \"other\" : 1 }"), new SimpleRecord(1L, "k".getBytes(), null));
        FetchResponseData response = response(topic("orders", original));

        hooks.response(fetchContext(12), response);

        assertThat(partition(response, 0).records()).isSameAs(original);
    }

    @Test
    void keepsIdempotentAndTransactionalLz4BatchesValid() {
        RegisteredHooks hooks = hooks(Map.of("rules", ORDER_RULES));
        FetchResponseData response = response(topic("orders", concat(
                MemoryRecords.withIdempotentRecords(100L, Compression.lz4().build(), 5L, (short) 1, 10, 3,
                        record("a", ORDER), record("b", ORDER)),
                MemoryRecords.withTransactionalRecords(102L, Compression.lz4().build(), 6L, (short) 2, 0, 3,
                        record("c", ORDER)))));

        hooks.response(fetchContext(12), response);

        List<MutableRecordBatch> batches = batches(partition(response, 0).records());
        assertThat(batches).hasSize(2).allSatisfy(batch -> {
            batch.ensureValid();
            assertThat(batch.compressionType()).isEqualTo(CompressionType.LZ4);
            assertThat(batch.partitionLeaderEpoch()).isEqualTo(3);
        });
        assertThat(batches.get(0).producerId()).isEqualTo(5L);
        assertThat(batches.get(0).baseSequence()).isEqualTo(10);
        assertThat(batches.get(0).lastOffset()).isEqualTo(101L);
        assertThat(batches.get(1).isTransactional()).isTrue();
        assertThat(read(partition(response, 0).records())).extracting(Record::offset).containsExactly(100L, 101L, 102L);
        assertThat(read(partition(response, 0).records())).allSatisfy(r -> assertThat(value(r)).contains("***********"));
    }

    @Test
    void masksOnlyTopicsMatchingTheTopicsPatternResolvingTopicIds() {
        Uuid orders = Uuid.randomUuid();
        Uuid logs = Uuid.randomUuid();
        RegisteredHooks hooks = hooks(Map.of("rules", ORDER_RULES, "topics", "orders"));
        MemoryRecords logRecords = MemoryRecords.withRecords(Compression.NONE, record("k", ORDER));
        FetchResponseData response = response(
                topic(orders, MemoryRecords.withRecords(Compression.NONE, record("k", ORDER))), topic(logs, logRecords));
        FakeInterceptorContext context = fetchContext(17).knownTopic(orders, "orders").knownTopic(logs, "logs");

        hooks.response(context, response);

        assertThat(context.lookups()).containsExactly(List.of(orders, logs));
        assertThat(value(read(partition(response, 0).records()).get(0))).doesNotContain("123-45-6789");
        assertThat(partition(response, 1).records()).isSameAs(logRecords);
    }

    @Test
    void passesValuesThatAreNotJsonUnchangedByDefault() {
        RegisteredHooks hooks = hooks(Map.of("rules", ORDER_RULES));
        MemoryRecords original = MemoryRecords.withRecords(Compression.NONE, record("k", "plain text, ssn 123"));
        FetchResponseData response = response(topic("orders", original));

        hooks.response(fetchContext(12), response);

        assertThat(partition(response, 0).records()).isSameAs(original);
    }

    @Test
    void redactsValuesThatAreNotJsonWithThreeMaskCharacters() {
        RegisteredHooks hooks = hooks(Map.of("rules", ORDER_RULES, "onNonJson", "redact", "maskCharacter", "x"));
        FetchResponseData response = response(topic("orders", MemoryRecords.withRecords(Compression.NONE,
                record("k", "plain text"), record("k", ""), record("k", "{\"a\":1} trailing"), record("k", ORDER))));

        hooks.response(fetchContext(12), response);

        List<Record> records = read(partition(response, 0).records());
        assertThat(records).extracting(r -> value(r)).startsWith("xxx", "xxx", "xxx");
        assertThat(value(records.get(3))).contains("\"xxxxxxxxxxx\"");
    }

    @Test
    void failsThePartitionWhenTheFirstRecordTheConsumerWouldGetIsNotJson() {
        RegisteredHooks hooks = hooks(Map.of("rules", ORDER_RULES, "onNonJson", "fail"));
        FakeInterceptorContext context = fetchContext(12);
        hooks.request(context, request(0, "orders", 10));
        FetchResponseData response = response(topic("orders", MemoryRecords.withRecords(10L, Compression.NONE,
                record("k", "not json"), record("k", ORDER))), topic("other", MemoryRecords.withRecords(Compression.NONE,
                record("k", ORDER))));

        hooks.response(context, response);

        assertThat(partition(response, 0).errorCode()).isEqualTo(Errors.CORRUPT_MESSAGE.code());
        assertThat(partition(response, 0).records().sizeInBytes()).isZero();
        assertThat(partition(response, 0).highWatermark()).isEqualTo(1000);
        assertThat(partition(response, 1).errorCode()).as("other partitions are delivered").isZero();
        assertThat(read(partition(response, 1).records())).hasSize(1);
    }

    @Test
    void deliversTheRecordsBeforeAValueThatIsNotJsonEndingTheBatchRightBeforeIt() {
        RegisteredHooks hooks = hooks(Map.of("rules", ORDER_RULES, "onNonJson", "fail"));
        FakeInterceptorContext context = fetchContext(12);
        hooks.request(context, request(0, "orders", 21));
        FetchResponseData response = response(topic("orders", concat(
                MemoryRecords.withIdempotentRecords(20L, Compression.gzip().build(), 8L, (short) 0, 0, 1,
                        record("a", ORDER), record("b", ORDER), record("c", ORDER), record("d", "oops"), record("e", ORDER)),
                MemoryRecords.withRecords(25L, Compression.NONE, record("f", ORDER)))));

        hooks.response(context, response);

        FetchResponseData.PartitionData partition = partition(response, 0);
        assertThat(partition.errorCode()).isZero();
        List<MutableRecordBatch> batches = batches(partition.records());
        assertThat(batches).hasSize(1);
        MutableRecordBatch batch = batches.get(0);
        batch.ensureValid();
        assertThat(batch.baseOffset()).isEqualTo(20L);
        assertThat(batch.lastOffset()).as("the consumer's next fetch starts at the bad value").isEqualTo(22L);
        assertThat(batch.compressionType()).isEqualTo(CompressionType.GZIP);
        assertThat(batch.producerId()).isEqualTo(8L);
        assertThat(read(partition.records())).extracting(Record::offset).containsExactly(20L, 21L, 22L);
        assertThat(read(partition.records())).allSatisfy(r -> assertThat(value(r)).doesNotContain("123-45-6789"));

        hooks.request(context, request(2, "orders", 23));
        FetchResponseData next = response(topic("orders", MemoryRecords.withIdempotentRecords(20L,
                Compression.gzip().build(), 8L, (short) 0, 0, 1,
                record("a", ORDER), record("b", ORDER), record("c", ORDER), record("d", "oops"), record("e", ORDER))));

        hooks.response(context, next);

        assertThat(partition(next, 0).errorCode()).isEqualTo(Errors.CORRUPT_MESSAGE.code());
    }

    @Test
    void letsAConsumerSkipTheValueBySeekingPastIt() {
        RegisteredHooks hooks = hooks(Map.of("rules", ORDER_RULES, "onNonJson", "fail"));
        FakeInterceptorContext context = fetchContext(12);
        hooks.request(context, request(0, "orders", 24));
        FetchResponseData response = response(topic("orders", MemoryRecords.withRecords(20L, Compression.NONE,
                record("a", ORDER), record("b", ORDER), record("c", ORDER), record("d", "oops"), record("e", ORDER))));

        hooks.response(context, response);

        FetchResponseData.PartitionData partition = partition(response, 0);
        assertThat(partition.errorCode()).isZero();
        List<Record> records = read(partition.records());
        assertThat(records).extracting(Record::offset).containsExactly(20L, 21L, 22L, 23L, 24L);
        assertThat(value(records.get(3))).as("below the position, discarded by the consumer, never leaked")
                .isEqualTo("***");
    }

    @Test
    void remembersPositionsOfPartitionsThatAnIncrementalFetchLeavesOut() {
        Uuid orders = Uuid.randomUuid();
        RegisteredHooks hooks = hooks(Map.of("rules", ORDER_RULES, "onNonJson", "fail"));
        FakeInterceptorContext context = fetchContext(17);
        hooks.request(context, request(0, orders, 30));
        hooks.request(context, new FetchRequestData().setSessionId(1).setSessionEpoch(1));
        FetchResponseData response = response(topic(orders, MemoryRecords.withRecords(30L, Compression.NONE,
                record("a", "oops"))));

        hooks.response(context, response);

        assertThat(partition(response, 0).errorCode()).isEqualTo(Errors.CORRUPT_MESSAGE.code());
    }

    @Test
    void keepsPositionsPerConnection() {
        RegisteredHooks hooks = hooks(Map.of("rules", ORDER_RULES, "onNonJson", "fail"));
        FakeInterceptorContext first = fetchContext(12);
        hooks.request(first, request(0, "orders", 21));
        FakeInterceptorContext second = new FakeInterceptorContext(ApiKeys.FETCH, (short) 12, new FakeConnection());
        hooks.request(second, request(0, "orders", 20));
        FetchResponseData response = response(topic("orders", MemoryRecords.withRecords(20L, Compression.NONE,
                record("a", "oops"), record("b", ORDER))));

        hooks.response(first, response);

        assertThat(partition(response, 0).errorCode()).isZero();
        assertThat(read(partition(response, 0).records())).extracting(r -> value(r)).first().isEqualTo("***");
    }

    @Test
    void treatsTheFirstBatchAsConsumedWhenThePositionIsUnknown() {
        RegisteredHooks hooks = hooks(Map.of("rules", ORDER_RULES, "onNonJson", "fail"));
        FetchResponseData response = response(topic("orders", concat(
                MemoryRecords.withRecords(0L, Compression.NONE, record("a", "oops"), record("b", ORDER)),
                MemoryRecords.withRecords(2L, Compression.NONE, record("c", ORDER)),
                MemoryRecords.withRecords(3L, Compression.NONE, record("d", "oops")))));

        hooks.response(fetchContext(12), response);

        FetchResponseData.PartitionData partition = partition(response, 0);
        assertThat(partition.errorCode()).isZero();
        assertThat(read(partition.records())).extracting(r -> value(r)).hasSize(3).first().isEqualTo("***");
    }

    @Test
    void redactsInsteadOfFailingForShareConsumers() {
        Uuid orders = Uuid.randomUuid();
        RegisteredHooks hooks = hooks(Map.of("rules", ORDER_RULES, "onNonJson", "fail"));
        ShareFetchResponseData response = shareResponse(orders, MemoryRecords.withRecords(Compression.NONE,
                record("a", "oops"), record("b", ORDER)));

        hooks.response(new FakeInterceptorContext(ApiKeys.SHARE_FETCH, 1).knownTopic(orders, "orders"), response);

        assertThat(partition(response).errorCode()).isZero();
        List<Record> records = read(partition(response).records());
        assertThat(value(records.get(0))).isEqualTo("***");
        assertThat(value(records.get(1))).doesNotContain("123-45-6789");
    }

    @Test
    void readsFetchRequestsOnlyWithTheFailPolicy() {
        assertThat(hooks(Map.of("rules", ORDER_RULES)).handlesRequest(FetchRequestData.class)).isFalse();
        assertThat(hooks(Map.of("rules", ORDER_RULES, "onNonJson", "redact")).handlesRequest(FetchRequestData.class))
                .isFalse();
        assertThat(hooks(Map.of("rules", ORDER_RULES, "onNonJson", "fail")).handlesRequest(FetchRequestData.class))
                .isTrue();
    }

    private static FakeInterceptorContext fetchContext(int version) {
        return new FakeInterceptorContext(ApiKeys.FETCH, version);
    }

    private static RegisteredHooks hooks(Map<String, ?> config) {
        return RegisteredHooks.of(new MaskFieldsPlugin().create(new PluginConfig(config), new FakePluginContext()));
    }
}
