package io.streamgate.it.policy;

import io.micrometer.core.instrument.Counter;
import io.streamgate.api.Scope;
import io.streamgate.core.chain.InterceptorDefinition;
import io.streamgate.it.ItCluster;
import io.streamgate.it.Records;
import io.streamgate.testing.junit.GatewayExtension;
import io.streamgate.testing.junit.KafkaClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.streamgate.it.Records.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the five most common policies (the benchmark's {@code safeguards} gateway runs the same rules) make the
 * gateway decode: the requests they check (CreateTopics, Produce, JoinGroup), and never a Fetch request or response,
 * since none of them has a fetch-side rule. The benchmark measures what that costs; this test shows the Fetch path
 * stays the forwarding of bytes, for a producer and a consumer group that comply with every rule.
 */
class SafeguardsCostIT {

    private static final ViolationRecorder AUDITED = new ViolationRecorder();

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = ItCluster.KAFKA;

    @RegisterExtension
    static final GatewayExtension GATEWAY = AUDITED.gatewayAuditedHere(GatewayExtension.inFrontOf(KAFKA));

    @Test
    void decodesTheRequestsThePoliciesCheckAndLeavesFetchUndecoded() {
        installTheFiveCommonPolicies();
        String topic = unique("safeguarded");
        try (Admin admin = GATEWAY.clients().admin(Map.of(AdminClientConfig.CLIENT_ID_CONFIG, "bench-admin"))) {
            Records.createTopic(admin, topic, 3);
        }

        try (KafkaProducer<String, String> producer = GATEWAY.clients().producer(Map.of(
                ProducerConfig.CLIENT_ID_CONFIG, "bench-producer", ProducerConfig.ACKS_CONFIG, "all"))) {
            for (int i = 0; i < 500; i++) {
                producer.send(new ProducerRecord<>(topic, "key-" + i, "value-" + i));
            }
            producer.flush();
        }
        try (KafkaConsumer<String, String> consumer = GATEWAY.clients().consumer("bench-readers", Map.of(
                ConsumerConfig.CLIENT_ID_CONFIG, "bench-consumer",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"))) {
            consumer.subscribe(List.of(topic));
            assertThat(Records.consume(consumer, 500, Duration.ofSeconds(60))).hasSize(500);
        }

        assertThat(AUDITED.events()).as("the clients comply with every rule").isEmpty();
        assertThat(requestsDecoded("CreateTopics")).isEqualTo(1);
        assertThat(requestsDecoded("Produce")).as("every Produce is checked").isPositive();
        assertThat(requestsDecoded("JoinGroup")).as("the group's join is checked").isPositive();
        assertThat(GATEWAY.meters().get("streamgate.requests").tag("api", "Fetch").counter().count()).isPositive();
        assertThat(requestsDecoded("Fetch")).isZero();
        assertThat(decoded("streamgate.responses.decoded", "Fetch")).isZero();
        assertThat(decoded("streamgate.responses.decoded", "Produce")).isZero();
    }

    /** The rules of the benchmark's safeguards gateway (streamgate-bench's SafeguardsSeed). */
    private static void installTheFiveCommonPolicies() {
        Map<String, Object> retention = Map.of("retention.ms", Map.of("min", 60_000, "max", 604_800_000));
        GATEWAY.gateway().interceptors().replaceAll(List.of(
                policy("create-topic", "create-topic-policy", 10, Map.of(
                        "name", Map.of("pattern", "[a-z0-9._-]+"),
                        "partitions", Map.of("min", 1, "max", 48),
                        "replicationFactor", Map.of("min", 1, "max", 3),
                        "configs", retention)),
                policy("alter-topic-config", "alter-topic-config-policy", 20, Map.of(
                        "denied", List.of("min.insync.replicas", "unclean.leader.election.enable"),
                        "configs", retention)),
                policy("produce", "produce-policy", 30, Map.of(
                        "acks", Map.of("allowed", List.of(-1)),
                        "idempotence", Map.of("action", "BLOCK"),
                        "recordBatchSize", Map.of("max", 1_048_576))),
                policy("consumer-group", "consumer-group-policy", 40, Map.of(
                        "groupId", Map.of("pattern", "bench-.*"),
                        "sessionTimeoutMs", Map.of("min", 6000, "max", 60000, "action", "OVERRIDE"))),
                policy("client-id", "client-id-policy", 50, Map.of("pattern", "bench-[a-z-]+"))));
    }

    private static InterceptorDefinition policy(String name, String plugin, int priority, Map<String, Object> config) {
        return new InterceptorDefinition(name, plugin, priority, Scope.GLOBAL, config, null);
    }

    private static double requestsDecoded(String api) {
        return decoded("streamgate.requests.decoded", api);
    }

    private static double decoded(String meter, String api) {
        Counter counter = GATEWAY.meters().find(meter).tag("api", api).counter();
        return counter == null ? 0 : counter.count();
    }
}
