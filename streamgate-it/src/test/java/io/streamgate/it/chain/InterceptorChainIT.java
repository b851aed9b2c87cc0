package io.streamgate.it.chain;

import io.streamgate.api.Scope;
import io.streamgate.core.chain.InterceptorDefinition;
import io.streamgate.core.chain.InterceptorRegistry;
import io.streamgate.it.ItCluster;
import io.streamgate.it.Records;
import io.streamgate.testing.clients.KafkaClients;
import io.streamgate.testing.junit.GatewayExtension;
import io.streamgate.testing.junit.KafkaClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.common.errors.UnknownServerException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.streamgate.it.Records.consume;
import static io.streamgate.it.Records.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InterceptorChainIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = ItCluster.KAFKA;

    @RegisterExtension
    static final GatewayExtension GATEWAY = GatewayExtension.inFrontOf(KAFKA);

    private InterceptorRegistry interceptors;

    @BeforeEach
    void clean() {
        interceptors = GATEWAY.gateway().interceptors();
        interceptors.replaceAll(List.of());
        TestPlugins.RECORDED.clear();
    }

    @AfterEach
    void removeInterceptors() {
        interceptors.replaceAll(List.of());
    }

    @Test
    void runsRequestHooksInAscendingPriorityAndResponseHooksInReverse() throws Exception {
        interceptors.put(definition("second", "test-recorder", 200, Map.of("label", "second")));
        interceptors.put(definition("first", "test-recorder", 100, Map.of("label", "first")));
        String topic = unique("chain-order");
        Records.createTopic(GATEWAY.clients().admin(), topic, 1);

        GATEWAY.clients().producer().send(new ProducerRecord<>(topic, "ordered")).get();

        List<String> recorded = new ArrayList<>(TestPlugins.RECORDED);
        String connection = recorded.get(0).substring("first:request:".length());
        assertThat(recorded).containsExactly("first:request:" + connection, "second:request:" + connection,
                "second:response:true", "first:response:true");
    }

    @Test
    void sendsTheClientsOwnBytesWhenNoHookChangedTheRequestAndEncodesItAgainOtherwise() throws Exception {
        String forwarded = unique("forwarded");
        interceptors.put(definition("doubler", "test-partition-doubler", 100, Map.of("unchanged", false)));
        Records.createTopic(GATEWAY.clients().admin(), forwarded, 3);
        String unchanged = unique("unchanged");
        interceptors.put(definition("doubler", "test-partition-doubler", 100, Map.of("unchanged", true)));
        Records.createTopic(GATEWAY.clients().admin(), unchanged, 3);

        try (KafkaClients direct = new KafkaClients(KAFKA.cluster().bootstrapServers())) {
            Map<String, TopicDescription> topics = direct.admin().describeTopics(List.of(forwarded, unchanged))
                    .allTopicNames().get(30, TimeUnit.SECONDS);
            assertThat(topics.get(forwarded).partitions()).as("changed in place, forward()").hasSize(6);
            assertThat(topics.get(unchanged).partitions())
                    .as("changed in place but declared unchanged(): the client's bytes went").hasSize(3);
        }
    }

    @Test
    void decodesOnlyTheApisTheChainHasHooksFor() throws Exception {
        interceptors.put(definition("produce-only", "test-recorder", 100, Map.of("label", "produce-only")));
        String topic = unique("selective");
        Records.createTopic(GATEWAY.clients().admin(), topic, 1);
        double fetchesDecodedBefore = count("streamgate.responses.decoded", "Fetch");
        KafkaProducer<String, String> producer = GATEWAY.clients().producer();
        for (int i = 0; i < 20; i++) {
            producer.send(new ProducerRecord<>(topic, "v" + i)).get();
        }
        KafkaConsumer<String, String> consumer = GATEWAY.clients().consumer(unique("group"));
        consumer.subscribe(List.of(topic));

        assertThat(consume(consumer, 20, Duration.ofSeconds(30))).hasSize(20);
        assertThat(count("streamgate.responses.decoded", "Produce")).as("the chain handles Produce").isPositive();
        assertThat(count("streamgate.responses.decoded", "Fetch") - fetchesDecodedBefore)
                .as("no interceptor handles Fetch, so its responses stay the broker's bytes").isZero();
    }

    @Test
    void failsARequestWithTheKafkaErrorAndMessageTheInterceptorGave() throws Exception {
        interceptors.put(definition("no-produce", "test-refuser", 100, Map.of("api", "PRODUCE",
                "error", "POLICY_VIOLATION", "message", "rule no-produce: writes are closed")));
        String topic = unique("refused");
        Records.createTopic(GATEWAY.clients().admin(), topic, 2);
        KafkaProducer<String, String> producer = GATEWAY.clients().producer(Map.of(
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000));

        assertThatThrownBy(() -> producer.send(new ProducerRecord<>(topic, "refused")).get())
                .isInstanceOf(ExecutionException.class).cause()
                .isInstanceOf(PolicyViolationException.class).hasMessageContaining("rule no-produce: writes are closed");
    }

    @Test
    void answersTheClientDirectlyWhenAnInterceptorShortCircuits() throws Exception {
        interceptors.put(definition("fake-groups", "test-responder", 100, Map.of("group", "made-up-group")));

        assertThat(GATEWAY.clients().admin().listGroups().all().get()).extracting(GroupListing::groupId)
                .contains("made-up-group");
    }

    @Test
    void keepsRequestOrderWhileAHookWorksAsynchronously() throws Exception {
        interceptors.put(definition("slow", "test-delayer", 100, Map.of("delayMs", 20)));
        String topic = unique("delayed");
        Records.createTopic(GATEWAY.clients().admin(), topic, 1);
        KafkaProducer<String, String> producer = GATEWAY.clients().producer(Map.of(
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 0));
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            sent.add(producer.send(new ProducerRecord<>(topic, Integer.toString(i))));
        }
        List<Long> offsets = new ArrayList<>();
        for (Future<RecordMetadata> ack : sent) {
            offsets.add(ack.get().offset());
        }

        assertThat(offsets).isSorted().doesNotHaveDuplicates().hasSize(50);
    }

    @Test
    void aHookThatThrowsFailsThatRequestOnlyAndIsCounted() throws Exception {
        interceptors.put(definition("thrower", "test-breaker", 100, Map.of("mode", "throw")));
        Admin admin = GATEWAY.clients().admin();

        // ListGroups has no error message field: the client sees the error code alone.
        assertThatThrownBy(() -> admin.listGroups().all().get()).cause().isInstanceOf(UnknownServerException.class);
        assertThat(admin.describeCluster().nodes().get()).as("the connection still serves").hasSize(3);
        assertThat(failures("thrower", "error")).isPositive();
    }

    @Test
    void aHookThatNeverAnswersTimesOutWithoutHangingTheConnection() throws Exception {
        interceptors.put(new InterceptorDefinition("hanger", "test-breaker", 100, Scope.GLOBAL,
                Map.of("mode", "hang"), Duration.ofMillis(300)));
        Admin admin = GATEWAY.clients().admin(Map.of("default.api.timeout.ms", 3_000, "request.timeout.ms", 2_000));

        assertThatThrownBy(() -> admin.listGroups(new ListGroupsOptions().timeoutMs(3_000)).all().get())
                .isInstanceOf(ExecutionException.class);
        assertThat(failures("hanger", "timeout")).isPositive();
        interceptors.remove("hanger", Scope.GLOBAL);
        assertThat(admin.listGroups().all().get()).as("the same client works again at once").isNotNull();
    }

    @Test
    void changesApplyToNewRequestsOnExistingConnectionsWithoutDroppingThem() throws Exception {
        String topic = unique("live");
        Records.createTopic(GATEWAY.clients().admin(), topic, 1);
        KafkaProducer<String, String> producer = GATEWAY.clients().producer(Map.of(
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                ProducerConfig.RETRIES_CONFIG, 0));
        interceptors.put(definition("watch", "test-recorder", 10, Map.of("label", "watch")));
        producer.send(new ProducerRecord<>(topic, "before")).get();
        String connectionBefore = TestPlugins.RECORDED.peek();

        interceptors.put(definition("close-writes", "test-refuser", 100, Map.of("api", "PRODUCE",
                "error", "POLICY_VIOLATION", "message", "closed now")));
        assertThatThrownBy(() -> producer.send(new ProducerRecord<>(topic, "during")).get())
                .cause().isInstanceOf(PolicyViolationException.class);
        interceptors.remove("close-writes", Scope.GLOBAL);
        producer.send(new ProducerRecord<>(topic, "after")).get();

        assertThat(TestPlugins.RECORDED).filteredOn(line -> line.contains(":request:"))
                .as("every request came over the same connection").containsOnly(connectionBefore);
    }

    @Test
    void anInterceptorCanSendItsOwnRequestsToTheBroker() throws Exception {
        interceptors.put(definition("asker", "test-metadata-asker", 100, Map.of()));
        String topic = unique("asker");
        Records.createTopic(GATEWAY.clients().admin(), topic, 1);

        GATEWAY.clients().producer().send(new ProducerRecord<>(topic, "asks")).get();

        assertThat(TestPlugins.RECORDED).contains("brokers:3");
    }

    private static InterceptorDefinition definition(String name, String plugin, int priority, Map<String, Object> config) {
        return new InterceptorDefinition(name, plugin, priority, Scope.GLOBAL, config, null);
    }

    private static double count(String meter, String api) {
        var counter = GATEWAY.meters().find(meter).tag("api", api).counter();
        return counter == null ? 0 : counter.count();
    }

    private static double failures(String interceptor, String reason) {
        var counter = GATEWAY.meters().find("streamgate.interceptor.failures").tag("interceptor", interceptor)
                .tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }
}
