package io.streamgate.it.chain;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.streamgate.api.Scope;
import io.streamgate.core.chain.InterceptorDefinition;
import io.streamgate.core.chain.InterceptorRegistry;
import io.streamgate.core.protocol.KafkaMessageCodec;
import io.streamgate.it.ItCluster;
import io.streamgate.it.RawConnection;
import io.streamgate.it.Records;
import io.streamgate.testing.clients.KafkaClients;
import io.streamgate.testing.junit.GatewayExtension;
import io.streamgate.testing.junit.KafkaClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.common.message.ApiVersionsRequestData;
import org.apache.kafka.common.message.MetadataRequestData;
import org.apache.kafka.common.message.RequestHeaderData;
import org.apache.kafka.common.protocol.ApiMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.streamgate.it.Records.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the gateway drives connection hooks: when they run, in which order, and what their outcomes do. */
class ConnectionHooksIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = ItCluster.KAFKA;

    @RegisterExtension
    static final GatewayExtension GATEWAY = GatewayExtension.inFrontOf(KAFKA);

    private static KafkaClients direct;
    private InterceptorRegistry interceptors;

    @BeforeAll
    static void connectDirectly() {
        direct = new KafkaClients(KAFKA.cluster().bootstrapServers());
    }

    @AfterAll
    static void closeDirectClients() {
        direct.close();
    }

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
    void runsConnectionHooksInChainOrderAndTheLastClientIdGivenReachesKafka() throws Exception {
        interceptors.put(decider("second", 200, Map.of("label", "second", "clientId", "second-id")));
        interceptors.put(decider("first", 100, Map.of("label", "first", "clientId", "first-id", "delayMs", 200)));
        interceptors.put(decider("third", 300, Map.of("label", "third")));
        String topic = unique("connection-hooks");
        String group = unique("connection-hooks");
        Records.createTopic(direct.admin(), topic, 1);
        direct.producer().send(new ProducerRecord<>(topic, "k", "v")).get(30, TimeUnit.SECONDS);
        KafkaConsumer<String, String> consumer = GATEWAY.clients().consumer(group,
                Map.of(ConsumerConfig.CLIENT_ID_CONFIG, "own-id"));
        consumer.subscribe(List.of(topic));

        assertThat(Records.consume(consumer, 1, Duration.ofSeconds(30))).extracting(ConsumerRecord::value)
                .containsExactly("v");

        assertThat(direct.admin().describeConsumerGroups(List.of(group)).describedGroups().get(group)
                .get(30, TimeUnit.SECONDS).members()).singleElement().extracting(MemberDescription::clientId)
                .as("a later Accept's client id wins; one without a client id keeps it").isEqualTo("second-id");
        List<String> recorded = new ArrayList<>(TestPlugins.RECORDED);
        assertThat(recorded).as("every hook sees the client's own id, on the connection's first request")
                .isNotEmpty().allSatisfy(call -> assertThat(call).endsWith(":own-id:ApiVersions:ANONYMOUS"));
        assertThat(Collections.frequency(recorded, "first:own-id:ApiVersions:ANONYMOUS"))
                .as("once per connection, each")
                .isEqualTo(Collections.frequency(recorded, "second:own-id:ApiVersions:ANONYMOUS"))
                .isEqualTo(Collections.frequency(recorded, "third:own-id:ApiVersions:ANONYMOUS"));
    }

    @Test
    void holdsTheRequestsThatFollowWhileAHookDecidesAndKeepsTheirOrder() throws Exception {
        interceptors.put(decider("slow", 100, Map.of("label", "slow", "clientId", "renamed", "delayMs", 300)));
        String topic = unique("connection-hooks");
        Records.createTopic(direct.admin(), topic, 1);
        KafkaProducer<String, String> producer = GATEWAY.clients().producer();
        List<Future<RecordMetadata>> sent = new ArrayList<>();

        for (int i = 0; i < 50; i++) {
            sent.add(producer.send(new ProducerRecord<>(topic, "v" + i)));
        }

        for (int i = 0; i < sent.size(); i++) {
            assertThat(sent.get(i).get(30, TimeUnit.SECONDS).offset()).isEqualTo(i);
        }
    }

    @Test
    void answersTheRequestsOfARefusedConnectionWithItsErrorButThoseSettingItUp() throws Exception {
        interceptors.put(decider("refuser", 100, Map.of("label", "refuser", "refuse", true)));
        Admin admin = GATEWAY.clients().admin();

        assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).as("Metadata passes").isNotNull();
        assertThatThrownBy(() -> admin.describeCluster().nodes().get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(PolicyViolationException.class);
        assertThatThrownBy(() -> admin.createTopics(List.of(new NewTopic(unique("refused"), 1, (short) 1)))
                .all().get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class).cause()
                .isInstanceOf(PolicyViolationException.class).hasMessage("refuser refuses this connection");
    }

    @Test
    void runsTheHooksAgainWhenTheClientIdOrTheChainChanges() throws Exception {
        interceptors.put(decider("watcher", 100, Map.of("label", "watcher")));
        try (RawConnection raw = new RawConnection(GATEWAY.gateway().bootstrapAddress())) {
            exchange(raw, new ApiVersionsRequestData(), (short) 3, "app-a");
            exchange(raw, new MetadataRequestData(), (short) 12, "app-a");
            exchange(raw, new MetadataRequestData(), (short) 12, "app-b");
            exchange(raw, new MetadataRequestData(), (short) 12, "app-b");
            interceptors.put(decider("another", 200, Map.of("label", "another")));
            exchange(raw, new MetadataRequestData(), (short) 12, "app-b");
        }

        assertThat(TestPlugins.RECORDED).containsExactly("watcher:app-a:ApiVersions:ANONYMOUS",
                "watcher:app-b:Metadata:ANONYMOUS", "watcher:app-b:Metadata:ANONYMOUS",
                "another:app-b:Metadata:ANONYMOUS");
    }

    private static void exchange(RawConnection raw, ApiMessage request, short version, String clientId)
            throws IOException {
        RequestHeaderData header = new RequestHeaderData().setRequestApiKey(request.apiKey())
                .setRequestApiVersion(version).setCorrelationId(7).setClientId(clientId);
        ByteBuf frame = KafkaMessageCodec.encodeRequest(UnpooledByteBufAllocator.DEFAULT, header, request);
        byte[] bytes = new byte[frame.readableBytes()];
        frame.readBytes(bytes);
        frame.release();
        raw.send(bytes);
        assertThat(raw.receive().getInt()).as("correlation id of the answer").isEqualTo(7);
    }

    private static InterceptorDefinition decider(String name, int priority, Map<String, Object> config) {
        return new InterceptorDefinition(name, "test-connection-decider", priority, Scope.GLOBAL, config, null);
    }
}
