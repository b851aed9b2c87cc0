package io.streamgate.it.policy;

import io.micrometer.core.instrument.Counter;
import io.streamgate.api.PolicyAction;
import io.streamgate.api.Scope;
import io.streamgate.core.chain.InterceptorDefinition;
import io.streamgate.it.ItCluster;
import io.streamgate.it.Records;
import io.streamgate.testing.junit.GatewayExtension;
import io.streamgate.testing.junit.KafkaClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidRequiredAcksException;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.UnsupportedCompressionTypeException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.streamgate.it.Records.unique;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProducePolicyIT {

    private static final ViolationRecorder AUDITED = new ViolationRecorder();

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = ItCluster.KAFKA;

    @RegisterExtension
    static final GatewayExtension GATEWAY = AUDITED.gatewayAuditedHere(GatewayExtension.inFrontOf(KAFKA));

    private String topic;

    @BeforeEach
    void createTopic() {
        topic = unique("produce-policy");
        Records.createTopic(GATEWAY.clients().admin(), topic, 1);
        AUDITED.clear();
    }

    @AfterEach
    void removeInterceptors() {
        GATEWAY.gateway().interceptors().replaceAll(List.of());
    }

    @Test
    void refusesAcksOneWithInvalidRequiredAcksAndAcceptsAcksAll() throws Exception {
        install(Map.of("acks", Map.of("allowed", List.of(-1))));

        assertThatThrownBy(() -> send(Map.of(ProducerConfig.ACKS_CONFIG, "1",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false, ProducerConfig.CLIENT_ID_CONFIG, "acks-one")))
                .isInstanceOf(ExecutionException.class).cause()
                .isInstanceOf(InvalidRequiredAcksException.class)
                .hasMessage("acks 1 is not allowed, allowed are -1 (rule acks, interceptor produce-guard)");
        assertThat(send(Map.of(ProducerConfig.ACKS_CONFIG, "all")).offset()).isZero();

        assertThat(AUDITED.events()).singleElement().satisfies(event -> {
            assertThat(event.interceptor()).isEqualTo("produce-guard");
            assertThat(event.plugin()).isEqualTo("produce-policy");
            assertThat(event.clientId()).isEqualTo("acks-one");
            assertThat(event.api()).isEqualToIgnoringCase("produce");
            assertThat(event.violation().rule()).isEqualTo("acks");
            assertThat(event.violation().action()).isEqualTo(PolicyAction.BLOCK);
            assertThat(event.violation().topic()).isEqualTo(topic);
            assertThat(event.violation().value()).isEqualTo("1");
        });
        assertThat(violations("acks", "BLOCK")).isEqualTo(1.0);
    }

    @Test
    void refusesGzipWhenOnlyLz4AndZstdAreAllowed() throws Exception {
        install(Map.of("compression", Map.of("allowed", List.of("lz4", "zstd"))));

        assertThatThrownBy(() -> send(Map.of(ProducerConfig.COMPRESSION_TYPE_CONFIG, "gzip")))
                .isInstanceOf(ExecutionException.class).cause()
                .isInstanceOf(UnsupportedCompressionTypeException.class)
                .hasMessage("compression gzip is not allowed, allowed are lz4, zstd "
                        + "(rule compression, interceptor produce-guard)");
        assertThat(send(Map.of(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd")).offset()).isZero();
        assertThat(AUDITED.events()).extracting(event -> event.violation().value()).containsExactly("gzip");
    }

    /**
     * Both topics have their one partition led by the same broker and the producer lingers, so both records travel in
     * one Produce request: the gateway takes the refused partition out, sends the rest as a request of its own and
     * answers with the broker's response plus the refusal.
     */
    @Test
    void writesTheOtherTopicOfARequestWhoseCheckedTopicIsRefused() throws Exception {
        String checked = unique("produce-policy-checked");
        String unchecked = unique("unchecked");
        List<Integer> replicas = KAFKA.cluster().nodeIds();
        GATEWAY.clients().admin().createTopics(List.of(new NewTopic(checked, Map.of(0, replicas)),
                new NewTopic(unchecked, Map.of(0, replicas)))).all().get(30, TimeUnit.SECONDS);
        install(Map.of("idempotence", Map.of()));

        try (KafkaProducer<String, String> producer = GATEWAY.clients().producer(Map.of(ProducerConfig.ACKS_CONFIG,
                "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false, ProducerConfig.LINGER_MS_CONFIG, 1000,
                ProducerConfig.RETRIES_CONFIG, 0))) {
            producer.partitionsFor(checked);
            producer.partitionsFor(unchecked);
            double producesBefore = produceRequests();
            Future<RecordMetadata> refused = producer.send(new ProducerRecord<>(checked, "key", "refused"));
            Future<RecordMetadata> written = producer.send(new ProducerRecord<>(unchecked, "key", "written"));
            producer.flush();
            assertThat(produceRequests() - producesBefore).as("both records in one request").isEqualTo(1);

            assertThat(written.get(30, TimeUnit.SECONDS).offset()).isZero();
            assertThatThrownBy(() -> refused.get(30, TimeUnit.SECONDS)).cause()
                    .isInstanceOf(PolicyViolationException.class)
                    .hasMessageStartingWith("producer id -1: records must come from an idempotent producer");
        }
        try (Admin direct = Admin.create(Map.of("bootstrap.servers", KAFKA.cluster().bootstrapServers()))) {
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = direct.listOffsets(Map.of(
                    new TopicPartition(checked, 0), OffsetSpec.latest(),
                    new TopicPartition(unchecked, 0), OffsetSpec.latest())).all().get(30, TimeUnit.SECONDS);
            assertThat(ends.get(new TopicPartition(unchecked, 0)).offset()).as("on Kafka").isEqualTo(1);
            assertThat(ends.get(new TopicPartition(checked, 0)).offset()).as("on Kafka").isZero();
        }
    }

    @Test
    void refusesANonIdempotentProducerWhenIdempotenceIsRequired() throws Exception {
        install(Map.of("idempotence", Map.of()));

        assertThatThrownBy(() -> send(Map.of(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false)))
                .isInstanceOf(ExecutionException.class).cause()
                .isInstanceOf(PolicyViolationException.class)
                .hasMessage("producer id -1: records must come from an idempotent producer (enable.idempotence=true) "
                        + "(rule idempotence, interceptor produce-guard)");
        assertThat(send(Map.of(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)).offset()).isZero();
    }

    @Test
    void infoLetsTheProducerThroughAndReportsIt() throws Exception {
        install(Map.of("acks", Map.of("allowed", List.of(-1), "action", "INFO")));

        assertThat(send(Map.of(ProducerConfig.ACKS_CONFIG, "1", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false))
                .offset()).isZero();

        assertThat(AUDITED.events()).extracting(event -> event.violation().action()).containsExactly(PolicyAction.INFO);
        assertThat(violations("acks", "INFO")).isEqualTo(1.0);
    }

    @Test
    void refusesABatchAboveTheMaximumSizeWithMessageTooLargeAndAcceptsASmallOne() throws Exception {
        install(Map.of("recordBatchSize", Map.of("max", 2048)));

        assertThatThrownBy(() -> send(Map.of(), "x".repeat(10_000), List.of()))
                .isInstanceOf(ExecutionException.class).cause()
                .isInstanceOf(RecordTooLargeException.class)
                .hasMessageMatching("record batch of \\d+ bytes is above the maximum of 2048 "
                        + "\\(rule recordBatchSize, interceptor produce-guard\\)");
        assertThat(send(Map.of(), "small", List.of()).offset()).isZero();

        assertThat(AUDITED.events()).singleElement().satisfies(event -> {
            assertThat(event.violation().rule()).isEqualTo("recordBatchSize");
            assertThat(event.violation().action()).isEqualTo(PolicyAction.BLOCK);
            assertThat(event.violation().topic()).isEqualTo(topic);
            assertThat(Integer.parseInt(event.violation().value())).isGreaterThan(10_000);
            assertThat(event.violation().message()).isEqualTo("record batch of " + event.violation().value()
                    + " bytes is above the maximum of 2048 (rule recordBatchSize, interceptor produce-guard)");
        });
        assertThat(violations("recordBatchSize", "BLOCK")).isEqualTo(1.0);
    }

    @Test
    void refusesARecordWithoutTheRequiredHeaderWithInvalidRecordAndAcceptsOneCarryingIt() throws Exception {
        install(Map.of("headers", Map.of("required", List.of("trace-id"))));

        assertThatThrownBy(() -> send(Map.of(), "untraced", List.of(new RecordHeader("other", new byte[] {1}))))
                .isInstanceOf(ExecutionException.class).cause()
                .isInstanceOf(InvalidRecordException.class)
                .hasMessage("record 0 of a batch lacks the required header trace-id "
                        + "(rule headers, interceptor produce-guard)");
        assertThat(send(Map.of(), "traced", List.of(new RecordHeader("trace-id", "t-1".getBytes(UTF_8)))).offset())
                .isZero();

        assertThat(AUDITED.events()).singleElement().satisfies(event -> {
            assertThat(event.violation().rule()).isEqualTo("headers");
            assertThat(event.violation().action()).isEqualTo(PolicyAction.BLOCK);
            assertThat(event.violation().topic()).isEqualTo(topic);
            assertThat(event.violation().value()).isEqualTo("trace-id");
        });
    }

    @Test
    void findsTheRecordWithoutTheRequiredHeaderInsideACompressedBatchAndRefusesTheWholeBatch() {
        install(Map.of("headers", Map.of("required", List.of("trace-id"))));
        List<Header> traced = List.of(new RecordHeader("trace-id", "t-1".getBytes(UTF_8)));

        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try (KafkaProducer<String, String> producer = GATEWAY.clients().producer(Map.of(
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4", ProducerConfig.LINGER_MS_CONFIG, 10_000))) {
            sent.add(producer.send(new ProducerRecord<>(topic, null, "key", "traced", traced)));
            sent.add(producer.send(new ProducerRecord<>(topic, null, "key", "untraced", List.of())));
            producer.flush();
        }

        assertThat(sent).allSatisfy(future -> assertThatThrownBy(() -> future.get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause()
                .isInstanceOf(InvalidRecordException.class)
                .hasMessage("record 1 of a batch lacks the required header trace-id "
                        + "(rule headers, interceptor produce-guard)"));
    }

    @Test
    void refusesRecordsProducedOutsideATransactionAndAcceptsTransactionalOnes() throws Exception {
        install(Map.of("transactions", Map.of()));

        assertThatThrownBy(() -> send(Map.of(ProducerConfig.CLIENT_ID_CONFIG, "no-tx"), "loose", List.of()))
                .isInstanceOf(ExecutionException.class).cause()
                .isInstanceOf(PolicyViolationException.class)
                .hasMessage("records must be produced in a transaction (transactional.id set), this request has no "
                        + "transactional id (rule transactions, interceptor produce-guard)");
        try (KafkaProducer<String, String> producer = GATEWAY.clients().producer(
                Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, unique("produce-policy-tx")))) {
            producer.initTransactions();
            producer.beginTransaction();
            RecordMetadata written = producer.send(new ProducerRecord<>(topic, "key", "in-tx")).get(30, TimeUnit.SECONDS);
            producer.commitTransaction();
            assertThat(written.offset()).isZero();
        }

        assertThat(AUDITED.events()).singleElement().satisfies(event -> {
            assertThat(event.clientId()).isEqualTo("no-tx");
            assertThat(event.violation().rule()).isEqualTo("transactions");
            assertThat(event.violation().action()).isEqualTo(PolicyAction.BLOCK);
            assertThat(event.violation().value()).isEqualTo("none");
        });
    }

    @Test
    void refusesAProduceVersionAboveTheMaximumWithUnsupportedVersion() throws Exception {
        install(Map.of("apiVersion", Map.of("max", 8)));

        assertThatThrownBy(() -> send(Map.of(), "too-new", List.of()))
                .isInstanceOf(ExecutionException.class).cause()
                .isInstanceOf(UnsupportedVersionException.class)
                .hasMessageMatching("Produce version \\d+ is above the maximum of 8 "
                        + "\\(rule apiVersion, interceptor produce-guard\\)");
        assertThat(AUDITED.events()).singleElement().satisfies(event -> {
            assertThat(event.violation().rule()).isEqualTo("apiVersion");
            assertThat(Integer.parseInt(event.violation().value())).isGreaterThan(8);
        });

        install(Map.of("apiVersion", Map.of("min", 3)));
        assertThat(send(Map.of(), "recent-enough", List.of()).offset()).isZero();
        assertThat(AUDITED.events()).hasSize(1);
    }

    private static void install(Map<String, Object> config) {
        Map<String, Object> scoped = new HashMap<>(config);
        scoped.put("topics", "produce-policy.*");
        GATEWAY.gateway().interceptors().put(new InterceptorDefinition("produce-guard", "produce-policy", 100,
                Scope.GLOBAL, scoped, null));
    }

    private RecordMetadata send(Map<String, Object> settings, String value, List<Header> headers) throws Exception {
        try (KafkaProducer<String, String> producer = GATEWAY.clients().producer(settings)) {
            return producer.send(new ProducerRecord<>(topic, null, "key", value, headers)).get(30, TimeUnit.SECONDS);
        }
    }

    private RecordMetadata send(Map<String, Object> settings) throws Exception {
        return send(settings, "value", List.of());
    }

    private static double produceRequests() {
        Counter counter = GATEWAY.meters().find("streamgate.requests").tag("api", "Produce").counter();
        return counter == null ? 0 : counter.count();
    }

    private static double violations(String rule, String action) {
        return ViolationRecorder.counted(GATEWAY, "produce-guard", rule, action);
    }
}
