package io.streamgate.it.policy;

import io.streamgate.api.PolicyAction;
import io.streamgate.api.Scope;
import io.streamgate.core.chain.InterceptorDefinition;
import io.streamgate.it.ItCluster;
import io.streamgate.it.Records;
import io.streamgate.testing.junit.GatewayExtension;
import io.streamgate.testing.junit.KafkaClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static io.streamgate.it.Records.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimitPolicyIT {

    private static final int LIMIT = 200_000;
    private static final long SECONDS = 5;
    private static final ViolationRecorder AUDIT = new ViolationRecorder();

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = ItCluster.KAFKA;

    @RegisterExtension
    static final GatewayExtension GATEWAY = AUDIT.gatewayAuditedHere(GatewayExtension.inFrontOf(KAFKA));

    @AfterEach
    void cleanUp() {
        GATEWAY.gateway().interceptors().replaceAll(List.of());
        AUDIT.clear();
    }

    @Test
    void slowsAProducerOverTheLimitDownToAboutTheLimitWithTheThrottleTime() throws Exception {
        String topic = unique("rate-limited");
        Records.createTopic(GATEWAY.clients().admin(), topic, 1);
        GATEWAY.gateway().interceptors().put(new InterceptorDefinition("tenant-quotas", "rate-limit-policy", 10,
                Scope.GLOBAL, Map.of("key", "clientId", "produceBytesPerSecond", LIMIT), null));

        AtomicLong acknowledged = new AtomicLong();
        double throttleTimeAvg;
        long started;
        long elapsedNanos;
        try (KafkaProducer<byte[], byte[]> producer = GATEWAY.clients().producer(new ByteArraySerializer(),
                new ByteArraySerializer(), Map.of(ProducerConfig.CLIENT_ID_CONFIG, "greedy",
                        ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.BUFFER_MEMORY_CONFIG, 256 * 1024,
                        ProducerConfig.MAX_BLOCK_MS_CONFIG, 60_000))) {
            byte[] value = new byte[1000];
            started = System.nanoTime();
            long deadline = started + SECONDS * 1_000_000_000L;
            while (System.nanoTime() < deadline) {
                producer.send(new ProducerRecord<>(topic, value), (metadata, failure) -> {
                    if (failure == null && System.nanoTime() < deadline) {
                        acknowledged.addAndGet(value.length);
                    }
                });
            }
            elapsedNanos = System.nanoTime() - started;
            throttleTimeAvg = metric(producer.metrics(), "produce-throttle-time-avg");
            producer.flush();
        }

        double bytesPerSecond = acknowledged.get() * 1e9 / elapsedNanos;
        // Measured at about the limit on a 2-core machine; the bounds leave room for the one-second burst and noise.
        assertThat(bytesPerSecond).as("value bytes per second acknowledged through the gateway: %.0f", bytesPerSecond)
                .isLessThan(2.0 * LIMIT).isGreaterThan(0.2 * LIMIT);
        assertThat(throttleTimeAvg).isPositive();
        assertThat(AUDIT.events()).isNotEmpty().allSatisfy(event -> {
            assertThat(event.interceptor()).isEqualTo("tenant-quotas");
            assertThat(event.clientId()).isEqualTo("greedy");
            assertThat(event.violation().rule()).isEqualTo("produceBytesPerSecond");
            assertThat(event.violation().action()).isEqualTo(PolicyAction.THROTTLE);
            assertThat(event.violation().message()).startsWith("produce rate above " + LIMIT
                    + " bytes per second for client id 'greedy': throttled ");
        });
    }

    @Test
    void refusesOffsetCommitsOverTheLimitWhenConfiguredToBlock() {
        String topic = unique("commit-limited");
        Records.createTopic(GATEWAY.clients().admin(), topic, 1);
        TopicPartition partition = new TopicPartition(topic, 0);

        try (KafkaConsumer<String, String> consumer = GATEWAY.clients().consumer(unique("committers"))) {
            consumer.assign(List.of(partition));
            // A new group's first commits may be retried while its coordinator loads: commit once before the limit.
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(0)));
            GATEWAY.gateway().interceptors().put(new InterceptorDefinition("commit-quota", "rate-limit-policy", 10,
                    Scope.GLOBAL, Map.of("offsetCommitsPerMinute", 2, "groupAction", "BLOCK"), null));
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(0)));
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(0)));

            assertThatThrownBy(() -> consumer.commitSync(Map.of(partition, new OffsetAndMetadata(0))))
                    .isInstanceOf(KafkaException.class).hasMessageContaining("throttling quota has been exceeded");
        }

        assertThat(AUDIT.events()).singleElement().satisfies(event -> {
            assertThat(event.api()).isEqualTo("OffsetCommit");
            assertThat(event.violation().rule()).isEqualTo("offsetCommitsPerMinute");
            assertThat(event.violation().action()).isEqualTo(PolicyAction.BLOCK);
            assertThat(event.violation().message()).startsWith("OffsetCommit rate above 2 requests per minute for"
                    + " principal 'ANONYMOUS': refused, retry in ");
        });
    }

    private static double metric(Map<org.apache.kafka.common.MetricName, ? extends Metric> metrics, String name) {
        return metrics.entrySet().stream()
                .filter(entry -> entry.getKey().name().equals(name) && entry.getKey().group().equals("producer-metrics"))
                .mapToDouble(entry -> ((Number) entry.getValue().metricValue()).doubleValue())
                .findFirst().orElseThrow(() -> new AssertionError("no metric " + name));
    }
}
