package io.streamgate.it.policy;

import io.streamgate.api.PolicyAction;
import io.streamgate.it.ItCluster;
import io.streamgate.it.RawConnection;
import io.streamgate.it.Records;
import io.streamgate.testing.clients.KafkaClients;
import io.streamgate.testing.junit.GatewayExtension;
import io.streamgate.testing.junit.KafkaClusterExtension;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.message.FetchRequestData;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.message.ResponseHeaderData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.streamgate.it.Records.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fetch-policy rules beyond the isolation level: bounds of a fetch's maxBytes, minBytes and maxWaitMs (BLOCK
 * refuses, OVERRIDE rewrites the request and the consumer feels it), a required rack id and the Fetch version range.
 */
class FetchLimitsPolicyIT {

    private static final String INTERCEPTOR = "fetch-guard";
    private static final int RECORDS = 5;
    /** What a Java consumer asks for by default ({@code fetch.max.bytes}). */
    private static final int DEFAULT_MAX_BYTES = 52_428_800;
    private static final ViolationRecorder AUDITED = new ViolationRecorder();

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = ItCluster.KAFKA;

    @RegisterExtension
    static final GatewayExtension GATEWAY = AUDITED.gatewayAuditedHere(GatewayExtension.inFrontOf(KAFKA));

    private String topic;

    /** {@value #RECORDS} records, each sent alone, so each is a batch of its own. */
    @BeforeEach
    void writeOneBatchPerRecord() throws Exception {
        topic = unique("fetch-limits");
        Records.createTopic(GATEWAY.clients().admin(), topic, 1);
        try (KafkaClients direct = new KafkaClients(KAFKA.cluster().bootstrapServers())) {
            KafkaProducer<String, String> producer = direct.producer();
            for (int i = 0; i < RECORDS; i++) {
                producer.send(new ProducerRecord<>(topic, "k", "v" + i)).get(30, TimeUnit.SECONDS);
            }
        }
        AUDITED.clear();
    }

    @AfterEach
    void removeInterceptors() {
        ViolationRecorder.removeAll(GATEWAY);
    }

    @Test
    void blockRefusesFetchesAskingForMoreThanTheMaximumBytesAndLetsSmallerOnesThrough() {
        install(Map.of("maxBytes", Map.of("max", 10_485_760)));

        assertThat(read(Map.of(), Duration.ofSeconds(3))).isEmpty();
        assertRefusals("maxBytes", Integer.toString(DEFAULT_MAX_BYTES), "fetch maxBytes " + DEFAULT_MAX_BYTES
                + " is above the maximum of 10485760 (rule maxBytes, interceptor fetch-guard)");
        assertThat(ViolationRecorder.counted(GATEWAY, INTERCEPTOR, "maxBytes", "BLOCK")).isPositive();

        assertThat(values(read(Map.of(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 10_485_760), Duration.ofSeconds(30))))
                .containsExactly("v0", "v1", "v2", "v3", "v4");
    }

    @Test
    void aRefusedFetchCarriesPolicyViolationAtTheTopLevelFromVersion13() throws Exception {
        install(Map.of("maxBytes", Map.of("max", 10_485_760)));
        short version = 13;

        try (RawConnection raw = new RawConnection(GATEWAY.gateway().bootstrapAddress())) {
            raw.send(new FetchRequestData().setReplicaId(-1).setMaxWaitMs(0).setMinBytes(1)
                    .setMaxBytes(DEFAULT_MAX_BYTES).setSessionEpoch(-1), version, 7);
            FetchResponseData response = new FetchResponseData(body(raw.receive(), version), version);

            assertThat(response.errorCode()).isEqualTo(Errors.POLICY_VIOLATION.code());
        }
    }

    @Test
    void overrideClampsTheMaximumBytesSoThatEachFetchBringsOneBatch() {
        install(Map.of("maxBytes", Map.of("max", 1, "action", "OVERRIDE")));

        List<Integer> pollSizes = new ArrayList<>();
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(Map.of())) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < RECORDS && System.nanoTime() < deadline) {
                List<String> polled = new ArrayList<>();
                consumer.poll(Duration.ofMillis(200)).forEach(record -> polled.add(record.value()));
                if (!polled.isEmpty()) {
                    pollSizes.add(polled.size());
                    values.addAll(polled);
                }
            }
        }

        // A broker returns at least the first batch whatever maxBytes says: one batch, one record, per fetch.
        assertThat(values).containsExactly("v0", "v1", "v2", "v3", "v4");
        assertThat(pollSizes).containsOnly(1);
        assertThat(AUDITED.events()).isNotEmpty().allSatisfy(event -> {
            assertThat(event.violation().rule()).isEqualTo("maxBytes");
            assertThat(event.violation().action()).isEqualTo(PolicyAction.OVERRIDE);
            assertThat(event.violation().message())
                    .isEqualTo("fetch maxBytes " + DEFAULT_MAX_BYTES + " -> 1 (rule maxBytes, interceptor fetch-guard)");
        });
    }

    @Test
    void blockRefusesFetchesBelowTheMinimumBytesAndLetsLargerOnesThrough() {
        install(Map.of("minBytes", Map.of("min", 1024)));

        assertThat(read(Map.of(), Duration.ofSeconds(3))).isEmpty();
        assertRefusals("minBytes", "1", "fetch minBytes 1 is below the minimum of 1024 "
                + "(rule minBytes, interceptor fetch-guard)");

        assertThat(values(read(Map.of(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1024,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100), Duration.ofSeconds(30))))
                .containsExactly("v0", "v1", "v2", "v3", "v4");
    }

    @Test
    void overrideOfTheMaximumWaitLetsAConsumerThatWouldWaitLongReadAtOnce() {
        // Far more bytes than there are: the broker holds every fetch for the whole fetch.max.wait.ms.
        Map<String, Object> patient = Map.of(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1_000_000,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20_000);
        assertThat(read(patient, Duration.ofSeconds(3))).as("held by the broker without the policy").isEmpty();

        install(Map.of("maxWaitMs", Map.of("max", 200, "action", "OVERRIDE")));

        assertThat(values(read(patient, Duration.ofSeconds(10)))).containsExactly("v0", "v1", "v2", "v3", "v4");
        assertThat(AUDITED.events()).isNotEmpty().allSatisfy(event -> {
            assertThat(event.violation().rule()).isEqualTo("maxWaitMs");
            assertThat(event.violation().action()).isEqualTo(PolicyAction.OVERRIDE);
            assertThat(event.violation().value()).isEqualTo("20000");
            assertThat(event.violation().message())
                    .isEqualTo("fetch maxWaitMs 20000 -> 200 (rule maxWaitMs, interceptor fetch-guard)");
        });
    }

    @Test
    void overrideOfTheMinimumBytesLetsAConsumerThatWouldWaitForMoreReadAtOnce() {
        install(Map.of("minBytes", Map.of("max", 1, "action", "OVERRIDE")));

        assertThat(values(read(Map.of(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1_000_000,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20_000), Duration.ofSeconds(10))))
                .containsExactly("v0", "v1", "v2", "v3", "v4");
        assertThat(AUDITED.events()).isNotEmpty().allSatisfy(event -> assertThat(event.violation().message())
                .isEqualTo("fetch minBytes 1000000 -> 1 (rule minBytes, interceptor fetch-guard)"));
    }

    @Test
    void blockRefusesFetchesWithoutARackIdAndLetsThoseWithOneThrough() {
        install(Map.of("rackId", Map.of()));

        assertThat(read(Map.of(), Duration.ofSeconds(3))).isEmpty();
        assertRefusals("rackId", "none", "fetch has no rack id (client.rack), one is required "
                + "(rule rackId, interceptor fetch-guard)");

        assertThat(values(read(Map.of(ConsumerConfig.CLIENT_RACK_CONFIG, "rack-a"), Duration.ofSeconds(30))))
                .containsExactly("v0", "v1", "v2", "v3", "v4");
    }

    @Test
    void blockRefusesFetchVersionsAboveTheMaximumWithUnsupportedVersion() throws Exception {
        install(Map.of("apiVersion", Map.of("max", 12)));

        assertThat(read(Map.of(), Duration.ofSeconds(3))).isEmpty();
        assertThat(AUDITED.events()).isNotEmpty().allSatisfy(event -> {
            assertThat(event.violation().rule()).isEqualTo("apiVersion");
            assertThat(event.violation().action()).isEqualTo(PolicyAction.BLOCK);
            assertThat(Integer.parseInt(event.violation().value())).isGreaterThan(12);
            assertThat(event.violation().message()).isEqualTo("Fetch version " + event.violation().value()
                    + " is above the maximum of 12 (rule apiVersion, interceptor fetch-guard)");
        });
        try (RawConnection raw = new RawConnection(GATEWAY.gateway().bootstrapAddress())) {
            short version = 13;
            raw.send(new FetchRequestData().setReplicaId(-1).setMaxWaitMs(0).setMinBytes(1).setMaxBytes(1 << 20)
                    .setSessionEpoch(-1), version, 7);
            assertThat(new FetchResponseData(body(raw.receive(), version), version).errorCode())
                    .isEqualTo(Errors.UNSUPPORTED_VERSION.code());
        }

        install(Map.of("apiVersion", Map.of("min", 4)));
        assertThat(values(read(Map.of(), Duration.ofSeconds(30)))).containsExactly("v0", "v1", "v2", "v3", "v4");
    }

    private void assertRefusals(String rule, String value, String message) {
        assertThat(AUDITED.events()).isNotEmpty().allSatisfy(event -> {
            assertThat(event.interceptor()).isEqualTo(INTERCEPTOR);
            assertThat(event.plugin()).isEqualTo("fetch-policy");
            assertThat(event.api()).isEqualToIgnoringCase("fetch");
            assertThat(event.violation().rule()).isEqualTo(rule);
            assertThat(event.violation().action()).isEqualTo(PolicyAction.BLOCK);
            assertThat(event.violation().value()).isEqualTo(value);
            assertThat(event.violation().message()).isEqualTo(message);
        });
    }

    private static void install(Map<String, Object> config) {
        ViolationRecorder.install(GATEWAY, INTERCEPTOR, "fetch-policy", config);
    }

    private KafkaConsumer<String, String> consumer(Map<String, Object> settings) {
        KafkaConsumer<String, String> consumer = GATEWAY.clients().consumer(null, settings);
        TopicPartition partition = new TopicPartition(topic, 0);
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        return consumer;
    }

    /** Reads partition 0 from the beginning through the gateway, for {@code timeout} or until every record. */
    private List<ConsumerRecord<String, String>> read(Map<String, Object> settings, Duration timeout) {
        KafkaConsumer<String, String> consumer = consumer(settings);
        try {
            return Records.consume(consumer, RECORDS, timeout);
        } finally {
            // A consumer closes its fetch session after its fetch in flight, which a broker may hold for maxWaitMs.
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(1)));
        }
    }

    private static List<String> values(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(ConsumerRecord::value).toList();
    }

    private static ByteBufferAccessor body(ByteBuffer frame, short version) {
        ByteBufferAccessor accessor = new ByteBufferAccessor(frame);
        new ResponseHeaderData(accessor, ApiKeys.FETCH.responseHeaderVersion(version));
        return accessor;
    }
}
