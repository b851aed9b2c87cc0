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
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.requests.ApiVersionsRequest;
import org.apache.kafka.common.requests.RequestHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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

    @Test
    void delaysConnectionsOverTheConnectionRateLikeABrokersConnectionQuota() throws Exception {
        String clientId = unique("connector");
        GATEWAY.gateway().interceptors().put(new InterceptorDefinition("connection-quota", "rate-limit-policy", 10,
                Scope.GLOBAL, Map.of("key", "clientId", "connectionsPerSecond", 2), Duration.ofSeconds(30)));
        int connections = 8;

        long started = System.nanoTime();
        List<Boolean> answered = openAtOnce(connections, clientId);
        double elapsedSeconds = (System.nanoTime() - started) / 1e9;

        assertThat(answered).containsOnly(true);
        // a burst of 2 at once, then 2 per second: the last one waits (8 - 2) / 2 = 3 s, however slow the machine
        assertThat(elapsedSeconds).isGreaterThan(2.5);
        assertThat(AUDIT.events()).isNotEmpty().hasSizeLessThanOrEqualTo(connections - 2).allSatisfy(event -> {
            assertThat(event.clientId()).isEqualTo(clientId);
            assertThat(event.violation().rule()).isEqualTo("connectionsPerSecond");
            assertThat(event.violation().action()).isEqualTo(PolicyAction.THROTTLE);
            assertThat(event.violation().message()).startsWith("connection rate above 2 connections per second for"
                    + " client id '" + clientId + "': accepted after ");
        });
    }

    @Test
    void closesConnectionsOverTheConnectionRateWhenConfiguredToBlock() throws Exception {
        String clientId = unique("connector");
        GATEWAY.gateway().interceptors().put(new InterceptorDefinition("connection-quota", "rate-limit-policy", 10,
                Scope.GLOBAL, Map.of("key", "clientId", "connectionsPerSecond", 2, "connectionAction", "BLOCK"),
                null));

        List<Boolean> answered = openAtOnce(8, clientId);

        // the burst is served; unless opening 8 connections took seconds, the rest are closed
        assertThat(answered).contains(true, false);
        long refused = answered.stream().filter(served -> !served).count();
        assertThat(AUDIT.events()).hasSize((int) refused).allSatisfy(event -> {
            assertThat(event.violation().rule()).isEqualTo("connectionsPerSecond");
            assertThat(event.violation().action()).isEqualTo(PolicyAction.BLOCK);
            assertThat(event.violation().message()).startsWith("connection rate above 2 connections per second for"
                    + " client id '" + clientId + "': closed, retry in ");
        });
    }

    /**
     * Opens {@code count} connections to the gateway at once, each sending an ApiVersions request with
     * {@code clientId}; says for each whether it was answered (false: closed).
     */
    private static List<Boolean> openAtOnce(int count, String clientId) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try {
            List<Future<Boolean>> connections = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                connections.add(threads.submit(() -> answersApiVersions(clientId)));
            }
            List<Boolean> answered = new ArrayList<>();
            for (Future<Boolean> connection : connections) {
                answered.add(connection.get(60, TimeUnit.SECONDS));
            }
            return answered;
        } finally {
            threads.shutdownNow();
        }
    }

    private static boolean answersApiVersions(String clientId) throws IOException {
        String[] bootstrap = GATEWAY.bootstrapServers().split(",")[0].split(":");
        ByteBuffer request = new ApiVersionsRequest.Builder().build((short) 3)
                .serializeWithHeader(new RequestHeader(ApiKeys.API_VERSIONS, (short) 3, clientId, 1));
        try (Socket socket = new Socket(bootstrap[0], Integer.parseInt(bootstrap[1]))) {
            socket.setSoTimeout(30_000);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeInt(request.remaining());
            out.write(request.array(), request.arrayOffset() + request.position(), request.remaining());
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            in.readFully(new byte[in.readInt()]);
            return true;
        } catch (EOFException | SocketException closed) {
            return false;
        }
    }

    private static double metric(Map<org.apache.kafka.common.MetricName, ? extends Metric> metrics, String name) {
        return metrics.entrySet().stream()
                .filter(entry -> entry.getKey().name().equals(name) && entry.getKey().group().equals("producer-metrics"))
                .mapToDouble(entry -> ((Number) entry.getValue().metricValue()).doubleValue())
                .findFirst().orElseThrow(() -> new AssertionError("no metric " + name));
    }
}
