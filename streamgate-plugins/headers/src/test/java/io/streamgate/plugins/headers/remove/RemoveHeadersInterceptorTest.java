package io.streamgate.plugins.headers.remove;

import io.streamgate.api.PluginConfig;
import io.streamgate.api.ResponseOutcome;
import io.streamgate.plugins.testkit.FakeInterceptorContext;
import io.streamgate.plugins.testkit.FakePluginContext;
import io.streamgate.plugins.testkit.RegisteredHooks;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.message.ShareFetchResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.record.internal.CompressionType;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.MutableRecordBatch;
import org.apache.kafka.common.record.internal.Record;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.streamgate.plugins.headers.fakes.Fetches.partition;
import static io.streamgate.plugins.headers.fakes.Fetches.response;
import static io.streamgate.plugins.headers.fakes.Fetches.shareResponse;
import static io.streamgate.plugins.headers.fakes.Fetches.topic;
import static io.streamgate.plugins.headers.fakes.TestRecords.batches;
import static io.streamgate.plugins.headers.fakes.TestRecords.header;
import static io.streamgate.plugins.headers.fakes.TestRecords.headers;
import static io.streamgate.plugins.headers.fakes.TestRecords.read;
import static io.streamgate.plugins.headers.fakes.TestRecords.record;
import static io.streamgate.plugins.headers.fakes.TestRecords.value;
import static org.assertj.core.api.Assertions.assertThat;

class RemoveHeadersInterceptorTest {

    @Test
    void removesHeadersWhoseWholeKeyMatchesAndKeepsTheOthersInOrder() {
        RegisteredHooks hooks = hooks(Map.of("headerPattern", "x-internal-.*"));
        FetchResponseData response = response(topic("orders", MemoryRecords.withRecords(Compression.NONE,
                record("k", "v", header("trace", "1"), header("x-internal-user", "alice"), header("a-x-internal-b", "2"),
                        header("x-internal-", "3"), header("z", "4")))));

        ResponseOutcome outcome = hooks.response(new FakeInterceptorContext(ApiKeys.FETCH, 12), response);

        assertThat(outcome).isEqualTo(new ResponseOutcome.Forward(null));
        assertThat(headers(read(partition(response, 0).records()).get(0)))
                .containsExactly("trace=1", "a-x-internal-b=2", "z=4");
    }

    @Test
    void keepsOffsetsValuesAndTheBatchOfAnIdempotentCompressedProducer() {
        RegisteredHooks hooks = hooks(Map.of("headerPattern", "secret"));
        FetchResponseData response = response(topic("orders", MemoryRecords.withIdempotentRecords(500L,
                Compression.gzip().build(), 9L, (short) 2, 40, 7,
                record("a", "1", header("secret", "s")), record("b", "2"), record("c", "3", header("secret", "t")))));

        hooks.response(new FakeInterceptorContext(ApiKeys.FETCH, 12), response);

        MutableRecordBatch batch = batches(partition(response, 0).records()).get(0);
        batch.ensureValid();
        assertThat(batch.compressionType()).isEqualTo(CompressionType.GZIP);
        assertThat(batch.producerId()).isEqualTo(9L);
        assertThat(batch.baseSequence()).isEqualTo(40);
        assertThat(batch.partitionLeaderEpoch()).isEqualTo(7);
        assertThat(batch.baseOffset()).isEqualTo(500L);
        List<Record> records = read(partition(response, 0).records());
        assertThat(records).extracting(Record::offset).containsExactly(500L, 501L, 502L);
        assertThat(records).extracting(r -> value(r)).containsExactly("1", "2", "3");
        assertThat(records).allSatisfy(r -> assertThat(r.headers()).isEmpty());
    }

    @Test
    void leavesBatchesWithoutMatchingHeadersUntouched() {
        RegisteredHooks hooks = hooks(Map.of("headerPattern", "secret"));
        MemoryRecords original = MemoryRecords.withRecords(Compression.NONE, record("k", "v", header("public", "p")));
        FetchResponseData response = response(topic("orders", original));

        hooks.response(new FakeInterceptorContext(ApiKeys.FETCH, 12), response);

        assertThat(partition(response, 0).records()).isSameAs(original);
    }

    @Test
    void stripsOnlyTopicsMatchingTheTopicsPattern() {
        RegisteredHooks hooks = hooks(Map.of("headerPattern", "secret", "topics", "pay.*"));
        MemoryRecords logs = MemoryRecords.withRecords(Compression.NONE, record("k", "v", header("secret", "s")));
        FetchResponseData response = response(
                topic("payments", MemoryRecords.withRecords(Compression.NONE, record("k", "v", header("secret", "s")))),
                topic("logs", logs));

        hooks.response(new FakeInterceptorContext(ApiKeys.FETCH, 12), response);

        assertThat(read(partition(response, 0).records()).get(0).headers()).isEmpty();
        assertThat(partition(response, 1).records()).isSameAs(logs);
    }

    @Test
    void resolvesTopicIdsOfFetchV13ToMatchTopicNames() {
        Uuid payments = Uuid.randomUuid();
        Uuid logs = Uuid.randomUuid();
        RegisteredHooks hooks = hooks(Map.of("headerPattern", "secret", "topics", "payments"));
        MemoryRecords logRecords = MemoryRecords.withRecords(Compression.NONE, record("k", "v", header("secret", "s")));
        FetchResponseData response = response(
                topic(payments, MemoryRecords.withRecords(Compression.NONE, record("k", "v", header("secret", "s")))),
                topic(logs, logRecords));
        FakeInterceptorContext context = new FakeInterceptorContext(ApiKeys.FETCH, 17)
                .knownTopic(payments, "payments").knownTopic(logs, "logs");

        hooks.response(context, response);

        assertThat(context.lookups()).containsExactly(List.of(payments, logs));
        assertThat(read(partition(response, 0).records()).get(0).headers()).isEmpty();
        assertThat(partition(response, 1).records()).isSameAs(logRecords);
    }

    @Test
    void stripsShareFetchResponsesToo() {
        Uuid payments = Uuid.randomUuid();
        RegisteredHooks hooks = hooks(Map.of("headerPattern", "secret", "topics", "payments"));
        ShareFetchResponseData response = shareResponse(payments, MemoryRecords.withRecords(Compression.NONE,
                record("k", "v", header("secret", "s"), header("keep", "k"))));

        hooks.response(new FakeInterceptorContext(ApiKeys.SHARE_FETCH, 1).knownTopic(payments, "payments"), response);

        assertThat(headers(read(partition(response).records()).get(0))).containsExactly("keep=k");
    }

    @Test
    void leavesPartitionsWithoutRecordsAlone() {
        RegisteredHooks hooks = hooks(Map.of("headerPattern", "secret"));
        FetchResponseData response = response(topic("orders", MemoryRecords.EMPTY));

        hooks.response(new FakeInterceptorContext(ApiKeys.FETCH, 12), response);

        assertThat(partition(response, 0).records()).isSameAs(MemoryRecords.EMPTY);
    }

    private static RegisteredHooks hooks(Map<String, ?> config) {
        return RegisteredHooks.of(new RemoveHeadersPlugin().create(new PluginConfig(config), new FakePluginContext()));
    }
}
