package io.streamgate.it.policy;

import io.streamgate.api.PolicyAction;
import io.streamgate.it.ItCluster;
import io.streamgate.it.Records;
import io.streamgate.testing.clients.KafkaClients;
import io.streamgate.testing.junit.GatewayExtension;
import io.streamgate.testing.junit.KafkaClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.streamgate.it.Records.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rate-limit policy on what consumers do: fetch bytes per second (counted from the Fetch responses) slow a
 * consumer down to about the limit with the throttle time, and JoinGroup requests per minute are throttled or refused.
 */
class RateLimitFetchAndGroupIT {

    private static final String INTERCEPTOR = "consumer-quotas";
    private static final ViolationRecorder AUDIT = new ViolationRecorder();

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = ItCluster.KAFKA;

    @RegisterExtension
    static final GatewayExtension GATEWAY = AUDIT.gatewayAuditedHere(GatewayExtension.inFrontOf(KAFKA));

    @AfterEach
    void cleanUp() {
        ViolationRecorder.removeAll(GATEWAY);
        AUDIT.clear();
    }

    @Test
    void slowsAConsumerOverTheFetchLimitDownToAboutTheLimitWithTheThrottleTime() throws Exception {
        int limit = 150_000;
        int records = 750;
        int valueSize = 1000;
        String topic = unique("fetch-rate-limited");
        Records.createTopic(GATEWAY.clients().admin(), topic, 1);
        try (KafkaClients direct = new KafkaClients(KAFKA.cluster().bootstrapServers());
             KafkaProducer<byte[], byte[]> producer = direct.producer(new ByteArraySerializer(),
                     new ByteArraySerializer(), Map.of())) {
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, new byte[valueSize]));
            }
            producer.flush();
        }
        ViolationRecorder.install(GATEWAY, INTERCEPTOR, "rate-limit-policy",
                Map.of("key", "clientId", "fetchBytesPerSecond", limit));

        int read = 0;
        long elapsedNanos;
        double throttleTimeMax;
        try (KafkaConsumer<byte[], byte[]> consumer = GATEWAY.clients().consumer(null, new ByteArrayDeserializer(),
                new ByteArrayDeserializer(), Map.of(ConsumerConfig.CLIENT_ID_CONFIG, "slow-reader",
                        ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 32 * 1024))) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long started = System.nanoTime();
            long deadline = started + TimeUnit.SECONDS.toNanos(60);
            while (read < records && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> ignored : consumer.poll(Duration.ofMillis(200))) {
                    read++;
                }
            }
            elapsedNanos = System.nanoTime() - started;
            throttleTimeMax = metric(consumer.metrics(), "consumer-fetch-manager-metrics", "fetch-throttle-time-max");
        }

        assertThat(read).isEqualTo(records);
        // One second's worth comes at once (the bucket's burst), the rest at the limit: about 4 s; half as a margin.
        long atLeastMs = (long) ((records * valueSize - limit) * 1000.0 / limit / 2);
        assertThat(TimeUnit.NANOSECONDS.toMillis(elapsedNanos)).isGreaterThanOrEqualTo(atLeastMs);
        assertThat(throttleTimeMax).isPositive();
        assertThat(AUDIT.events()).isNotEmpty().allSatisfy(event -> {
            assertThat(event.interceptor()).isEqualTo(INTERCEPTOR);
            assertThat(event.api()).isEqualToIgnoringCase("fetch");
            assertThat(event.clientId()).isEqualTo("slow-reader");
            assertThat(event.violation().rule()).isEqualTo("fetchBytesPerSecond");
            assertThat(event.violation().action()).isEqualTo(PolicyAction.THROTTLE);
            assertThat(event.violation().message()).startsWith("fetch rate above " + limit
                    + " bytes per second for client id 'slow-reader': throttled ");
        });
        assertThat(ViolationRecorder.counted(GATEWAY, INTERCEPTOR, "fetchBytesPerSecond", "THROTTLE"))
                .isEqualTo(AUDIT.events().size());
    }

    /**
     * A Java consumer joins with two JoinGroups (the first is answered MEMBER_ID_REQUIRED); the second is over a limit
     * of one per minute, so its response carries the longest throttle time, 10 s, and the consumer waits it out before
     * it syncs and gets its partitions.
     */
    @Test
    void throttlesAConsumerJoiningMoreOftenThanTheLimitAndItStillJoins() {
        String topic = unique("join-throttled");
        Records.createTopic(GATEWAY.clients().admin(), topic, 1);
        String group = unique("throttled-group");
        loadCoordinator(group, topic);
        ViolationRecorder.install(GATEWAY, INTERCEPTOR, "rate-limit-policy",
                Map.of("key", "clientId", "joinGroupsPerMinute", 1));

        long elapsedNanos;
        try (KafkaConsumer<String, String> consumer = groupMember(group, "joiner")) {
            consumer.subscribe(List.of(topic));
            long started = System.nanoTime();
            long deadline = started + TimeUnit.SECONDS.toNanos(60);
            while (consumer.assignment().isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200));
            }
            elapsedNanos = System.nanoTime() - started;
            assertThat(consumer.assignment()).containsExactly(new TopicPartition(topic, 0));
        }

        assertThat(TimeUnit.NANOSECONDS.toMillis(elapsedNanos)).isGreaterThanOrEqualTo(5_000);
        assertThat(AUDIT.events()).isNotEmpty().allSatisfy(event -> {
            assertThat(event.api()).isEqualTo("JoinGroup");
            assertThat(event.clientId()).isEqualTo("joiner");
            assertThat(event.violation().rule()).isEqualTo("joinGroupsPerMinute");
            assertThat(event.violation().action()).isEqualTo(PolicyAction.THROTTLE);
            assertThat(event.violation().value()).isEqualTo("10000 ms");
            assertThat(event.violation().message()).isEqualTo("JoinGroup rate above 1 requests per minute for client id "
                    + "'joiner': throttled 10000 ms (rule joinGroupsPerMinute, interceptor " + INTERCEPTOR + ")");
        });
    }

    @Test
    void refusesJoinGroupsOverTheLimitWhenConfiguredToBlock() {
        String topic = unique("join-blocked");
        Records.createTopic(GATEWAY.clients().admin(), topic, 1);
        String firstGroup = unique("first-group");
        String secondGroup = unique("second-group");
        loadCoordinator(firstGroup, topic);
        loadCoordinator(secondGroup, topic);
        // A join takes two JoinGroups: the first group's join fits, the second group's second JoinGroup is over.
        ViolationRecorder.install(GATEWAY, INTERCEPTOR, "rate-limit-policy",
                Map.of("key", "clientId", "joinGroupsPerMinute", 3, "groupAction", "BLOCK"));

        try (KafkaConsumer<String, String> first = groupMember(firstGroup, "joiner");
             KafkaConsumer<String, String> second = groupMember(secondGroup, "joiner")) {
            first.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (first.assignment().isEmpty() && System.nanoTime() < deadline) {
                first.poll(Duration.ofMillis(200));
            }
            assertThat(first.assignment()).containsExactly(new TopicPartition(topic, 0));

            second.subscribe(List.of(topic));
            assertThatThrownBy(() -> {
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (second.assignment().isEmpty() && System.nanoTime() < until) {
                    second.poll(Duration.ofMillis(200));
                }
            }).isInstanceOf(KafkaException.class).hasMessageContaining("throttling quota has been exceeded");
        }

        assertThat(AUDIT.events()).isNotEmpty().allSatisfy(event -> {
            assertThat(event.api()).isEqualTo("JoinGroup");
            assertThat(event.violation().rule()).isEqualTo("joinGroupsPerMinute");
            assertThat(event.violation().action()).isEqualTo(PolicyAction.BLOCK);
            assertThat(event.violation().message()).startsWith("JoinGroup rate above 3 requests per minute for "
                    + "client id 'joiner': refused, retry in ");
        });
    }

    /**
     * Commits an offset of {@code group} without joining it, which waits until the group's coordinator is ready: on a
     * fresh cluster, JoinGroups are answered NOT_COORDINATOR for a while, and each of those retries counts.
     */
    private static void loadCoordinator(String group, String topic) {
        try (KafkaConsumer<String, String> consumer = groupMember(group, "coordinator-loader")) {
            consumer.commitSync(Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(0)));
        }
    }

    /** A consumer of the classic group protocol, the one that sends JoinGroup. */
    private static KafkaConsumer<String, String> groupMember(String group, String clientId) {
        return GATEWAY.clients().consumer(group, Map.of(ConsumerConfig.CLIENT_ID_CONFIG, clientId,
                ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic"));
    }

    private static double metric(Map<MetricName, ? extends Metric> metrics, String group, String name) {
        return metrics.entrySet().stream()
                .filter(entry -> entry.getKey().name().equals(name) && entry.getKey().group().equals(group))
                .mapToDouble(entry -> ((Number) entry.getValue().metricValue()).doubleValue())
                .findFirst().orElseThrow(() -> new AssertionError("no metric " + name));
    }
}
