package io.streamgate.it.policy;

import io.streamgate.api.PolicyAction;
import io.streamgate.core.policy.PolicyViolationEvent;
import io.streamgate.it.ItCluster;
import io.streamgate.it.Records;
import io.streamgate.testing.clients.KafkaClients;
import io.streamgate.testing.junit.GatewayExtension;
import io.streamgate.testing.junit.KafkaClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.DeleteTopicsResult;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static io.streamgate.it.Records.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class ReadOnlyTopicPolicyIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = ItCluster.KAFKA;

    private static final ViolationRecorder AUDIT = new ViolationRecorder();

    @RegisterExtension
    static final GatewayExtension GATEWAY = AUDIT.gatewayAuditedHere(GatewayExtension.inFrontOf(KAFKA));

    private KafkaClients direct;
    private String readOnly;
    private String writable;

    @BeforeEach
    void makeReadOnlyTopicsOfPrefixRo() {
        direct = new KafkaClients(KAFKA.cluster().bootstrapServers());
        readOnly = unique("ro-ledger");
        writable = unique("rw-orders");
        Records.createTopic(direct.admin(), readOnly, 2);
        Records.createTopic(direct.admin(), writable, 2);
        ViolationRecorder.install(GATEWAY, "read-only-ledgers", "read-only-topic-policy", Map.of("topics", "ro-.*"));
    }

    @AfterEach
    void cleanUp() {
        direct.close();
        ViolationRecorder.removeAll(GATEWAY);
        AUDIT.clear();
    }

    @Test
    void refusesProducingToAReadOnlyTopicWhichStaysReadable() throws Exception {
        direct.producer().send(new ProducerRecord<>(readOnly, 0, "k", "written directly")).get(30, TimeUnit.SECONDS);
        double countedBefore = ViolationRecorder.counted(GATEWAY, "read-only-ledgers", "readOnly", "BLOCK");
        KafkaProducer<String, String> producer = GATEWAY.clients().producer(
                Map.of(ProducerConfig.CLIENT_ID_CONFIG, "ledger-writer"));

        assertThat(producer.send(new ProducerRecord<>(writable, 0, "k", "v")).get(30, TimeUnit.SECONDS).offset())
                .isZero();
        assertThatThrownBy(() -> producer.send(new ProducerRecord<>(readOnly, 0, "k", "v")).get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause()
                .isInstanceOfSatisfying(TopicAuthorizationException.class,
                        e -> assertThat(e.unauthorizedTopics()).containsExactly(readOnly));

        KafkaConsumer<String, String> consumer = GATEWAY.clients().consumer(null);
        consumer.assign(List.of(new TopicPartition(readOnly, 0)));
        assertThat(Records.consume(consumer, 1, Duration.ofSeconds(30))).extracting(ConsumerRecord::value)
                .containsExactly("written directly");
        assertThat(AUDIT.events()).isNotEmpty().allSatisfy(event -> {
            assertThat(event.api()).isEqualTo("Produce");
            assertThat(event.clientId()).isEqualTo("ledger-writer");
            assertThat(event.violation().rule()).isEqualTo("readOnly");
            assertThat(event.violation().action()).isEqualTo(PolicyAction.BLOCK);
            assertThat(event.violation().topic()).isEqualTo(readOnly);
            assertThat(event.violation().message()).isEqualTo("topic '" + readOnly + "' is read-only (rule readOnly, "
                    + "interceptor read-only-ledgers)");
        });
        assertThat(ViolationRecorder.counted(GATEWAY, "read-only-ledgers", "readOnly", "BLOCK"))
                .isEqualTo(countedBefore + AUDIT.events().size());
    }

    @Test
    void deletesTheWritableTopicOfARequestAndRefusesTheReadOnlyOne() throws Exception {
        DeleteTopicsResult result = GATEWAY.clients().admin().deleteTopics(List.of(readOnly, writable));

        result.topicNameValues().get(writable).get(30, TimeUnit.SECONDS);
        assertThatThrownBy(() -> result.topicNameValues().get(readOnly).get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause()
                .isInstanceOf(TopicAuthorizationException.class)
                .hasMessage("topic '" + readOnly + "' is read-only (rule readOnly, interceptor read-only-ledgers)");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(direct.admin().listTopics().names().get()).contains(readOnly).doesNotContain(writable));
        assertThat(AUDIT.events()).extracting(PolicyViolationEvent::api).containsExactly("DeleteTopics");
    }

    @Test
    void refusesDeletingAddingPartitionsToAndAlteringTheConfigOfAReadOnlyTopic() throws Exception {
        Admin admin = GATEWAY.clients().admin();
        String message = "topic '" + readOnly + "' is read-only (rule readOnly, interceptor read-only-ledgers)";

        assertThatThrownBy(() -> admin.deleteTopics(List.of(readOnly)).all().get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause()
                .isInstanceOf(TopicAuthorizationException.class).hasMessage(message);

        assertThatThrownBy(() -> admin.createPartitions(Map.of(readOnly, NewPartitions.increaseTo(4))).all()
                .get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause()
                .isInstanceOf(TopicAuthorizationException.class).hasMessage(message);
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, readOnly);
        assertThatThrownBy(() -> admin.incrementalAlterConfigs(Map.of(resource, List.of(new AlterConfigOp(
                new ConfigEntry("retention.ms", "1000"), AlterConfigOp.OpType.SET)))).all().get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause()
                .isInstanceOf(TopicAuthorizationException.class).hasMessage(message);
        admin.createPartitions(Map.of(writable, NewPartitions.increaseTo(3))).all().get(30, TimeUnit.SECONDS);

        Admin kafka = direct.admin();
        assertThat(kafka.describeTopics(Set.of(readOnly, writable)).allTopicNames().get(30, TimeUnit.SECONDS))
                .satisfies(topics -> {
                    assertThat(topics.get(readOnly).partitions()).hasSize(2);
                    assertThat(topics.get(writable).partitions()).hasSize(3);
                });
        assertThat(kafka.describeConfigs(Set.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource)
                .get("retention.ms").value()).isNotEqualTo("1000");
        assertThat(AUDIT.events()).extracting(PolicyViolationEvent::api)
                .containsExactly("DeleteTopics", "CreatePartitions", "IncrementalAlterConfigs");
    }
}
