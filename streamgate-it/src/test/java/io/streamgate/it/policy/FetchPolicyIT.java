package io.streamgate.it.policy;

import io.streamgate.api.PolicyAction;
import io.streamgate.api.Scope;
import io.streamgate.core.chain.InterceptorDefinition;
import io.streamgate.it.ItCluster;
import io.streamgate.it.Records;
import io.streamgate.testing.clients.KafkaClients;
import io.streamgate.testing.junit.GatewayExtension;
import io.streamgate.testing.junit.KafkaClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.streamgate.it.Records.unique;
import static org.assertj.core.api.Assertions.assertThat;

class FetchPolicyIT {

    private static final ViolationRecorder AUDITED = new ViolationRecorder();

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = ItCluster.KAFKA;

    @RegisterExtension
    static final GatewayExtension GATEWAY = AUDITED.gatewayAuditedHere(GatewayExtension.inFrontOf(KAFKA));

    private String topic;

    private KafkaClients direct;
    private KafkaProducer<String, String> transactional;

    /**
     * A record, then one of a transaction left open, then another record: read_uncommitted sees all three,
     * read_committed only the first, as the open transaction holds the last stable offset back.
     */
    @BeforeEach
    void writeAroundAnOpenTransaction() throws Exception {
        topic = unique("fetch-policy");
        Records.createTopic(GATEWAY.clients().admin(), topic, 1);
        direct = new KafkaClients(KAFKA.cluster().bootstrapServers());
        KafkaProducer<String, String> plain = direct.producer();
        plain.send(new ProducerRecord<>(topic, "k", "before")).get(30, TimeUnit.SECONDS);
        transactional = direct.producer(Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, unique("fetch-policy-tx")));
        transactional.initTransactions();
        transactional.beginTransaction();
        transactional.send(new ProducerRecord<>(topic, "k", "pending")).get(30, TimeUnit.SECONDS);
        plain.send(new ProducerRecord<>(topic, "k", "after")).get(30, TimeUnit.SECONDS);
        AUDITED.clear();
    }

    @AfterEach
    void abortAndRemoveInterceptors() {
        GATEWAY.gateway().interceptors().replaceAll(List.of());
        transactional.abortTransaction();
        direct.close();
    }

    @Test
    void withoutThePolicyAReadUncommittedConsumerReadsPastTheOpenTransaction() {
        assertThat(values(read("read_uncommitted", 3))).containsExactly("before", "pending", "after");
    }

    @Test
    void overrideStopsAReadUncommittedConsumerAtTheLastStableOffset() {
        install(Map.of("isolationLevel", Map.of("required", "read_committed", "action", "OVERRIDE")));

        List<ConsumerRecord<String, String>> records = read("read_uncommitted", 3);

        assertThat(values(records)).containsExactly("before");
        assertThat(AUDITED.events()).isNotEmpty().allSatisfy(event -> {
            assertThat(event.interceptor()).isEqualTo("fetch-guard");
            assertThat(event.violation().rule()).isEqualTo("isolationLevel");
            assertThat(event.violation().action()).isEqualTo(PolicyAction.OVERRIDE);
            assertThat(event.violation().message()).isEqualTo(
                    "fetch isolation level read_uncommitted -> read_committed "
                            + "(rule isolationLevel, interceptor fetch-guard)");
        });
    }

    @Test
    void blockRefusesEveryFetchOfAReadUncommittedConsumerAndLetsReadCommittedOnesThrough() {
        install(Map.of("isolationLevel", Map.of("required", "read_committed")));

        assertThat(read("read_uncommitted", 1)).isEmpty();
        assertThat(AUDITED.events()).isNotEmpty().allSatisfy(event -> {
            assertThat(event.api()).isEqualToIgnoringCase("fetch");
            assertThat(event.violation().action()).isEqualTo(PolicyAction.BLOCK);
            assertThat(event.violation().message()).isEqualTo("fetch isolation level read_uncommitted is not allowed, "
                    + "read_committed is required (rule isolationLevel, interceptor fetch-guard)");
        });
        assertThat(GATEWAY.meters().find("streamgate.policy.violations").tag("rule", "isolationLevel")
                .tag("action", "BLOCK").counter().count()).isPositive();

        assertThat(values(read("read_committed", 3))).containsExactly("before");
    }

    private static void install(Map<String, Object> config) {
        GATEWAY.gateway().interceptors().put(new InterceptorDefinition("fetch-guard", "fetch-policy", 100,
                Scope.GLOBAL, config, null));
    }

    /** Reads partition 0 from the beginning through the gateway, for 5 seconds or until {@code count} records. */
    private List<ConsumerRecord<String, String>> read(String isolationLevel, int count) {
        try (KafkaConsumer<String, String> consumer = GATEWAY.clients().consumer(null,
                Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolationLevel))) {
            consumer.assign(List.of(new TopicPartition(topic, 0)));
            consumer.seekToBeginning(List.of(new TopicPartition(topic, 0)));
            return Records.consume(consumer, count, Duration.ofSeconds(5));
        }
    }

    private static List<String> values(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(ConsumerRecord::value).toList();
    }
}
