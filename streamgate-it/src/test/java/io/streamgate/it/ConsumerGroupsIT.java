package io.streamgate.it;

import io.streamgate.testing.junit.GatewayExtension;
import io.streamgate.testing.junit.KafkaClusterExtension;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.streamgate.it.Records.consume;
import static io.streamgate.it.Records.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Consumer groups through the gateway, with the classic protocol and with KIP-848's consumer protocol. */
class ConsumerGroupsIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = ItCluster.KAFKA;

    @RegisterExtension
    static final GatewayExtension GATEWAY = GatewayExtension.inFrontOf(KAFKA);

    @ParameterizedTest(name = "group.protocol={0}")
    @ValueSource(strings = {"classic", "consumer"})
    void membersShareThePartitionsAndRebalanceWhenOneJoinsAndOneLeaves(String protocol) throws Exception {
        String topic = unique("group-" + protocol);
        String group = unique("group");
        Records.createTopic(GATEWAY.clients().admin(), topic, 6);
        // Classic members leave faster with a short session; the consumer protocol sets sessions on the broker.
        Map<String, Object> settings = protocol.equals("classic")
                ? Map.of(ConsumerConfig.GROUP_PROTOCOL_CONFIG, protocol, ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000)
                : Map.of(ConsumerConfig.GROUP_PROTOCOL_CONFIG, protocol);

        KafkaConsumer<String, String> first = GATEWAY.clients().consumer(group, settings);
        first.subscribe(List.of(topic));
        await("first member owns all six partitions").atMost(Duration.ofSeconds(60)).until(() -> {
            first.poll(Duration.ofMillis(100));
            return first.assignment().size() == 6;
        });

        KafkaConsumer<String, String> second = GATEWAY.clients().consumer(group, settings);
        second.subscribe(List.of(topic));
        await("the partitions are shared after the second member joins").atMost(Duration.ofSeconds(60)).until(() -> {
            first.poll(Duration.ofMillis(100));
            second.poll(Duration.ofMillis(100));
            Set<TopicPartition> union = new HashSet<>(first.assignment());
            union.addAll(second.assignment());
            return first.assignment().size() == 3 && second.assignment().size() == 3 && union.size() == 6;
        });

        ConsumerGroupDescription description = GATEWAY.clients().admin().describeConsumerGroups(List.of(group))
                .describedGroups().get(group).get();
        assertThat(description.members()).hasSize(2);
        assertThat(description.type()).isEqualTo(protocol.equals("classic") ? GroupType.CLASSIC : GroupType.CONSUMER);

        second.close();
        await("the remaining member takes all partitions back").atMost(Duration.ofSeconds(60)).until(() -> {
            first.poll(Duration.ofMillis(100));
            return first.assignment().size() == 6;
        });
    }

    @ParameterizedTest(name = "group.protocol={0}")
    @ValueSource(strings = {"classic", "consumer"})
    void committedOffsetsAreFetchedBackByTheNextMember(String protocol) throws Exception {
        String topic = unique("offsets-" + protocol);
        String group = unique("group");
        Records.createTopic(GATEWAY.clients().admin(), topic, 1);
        KafkaProducer<String, String> producer = GATEWAY.clients().producer();
        for (int i = 0; i < 20; i++) {
            producer.send(new ProducerRecord<>(topic, "record-" + i)).get();
        }
        Map<String, Object> settings = Map.of(ConsumerConfig.GROUP_PROTOCOL_CONFIG, protocol,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10);

        KafkaConsumer<String, String> first = GATEWAY.clients().consumer(group, settings);
        first.subscribe(List.of(topic));
        assertThat(consume(first, 10, Duration.ofSeconds(30))).hasSizeGreaterThanOrEqualTo(10);
        TopicPartition partition = new TopicPartition(topic, 0);
        first.commitSync(Map.of(partition, new OffsetAndMetadata(10, "half-way")));
        assertThat(first.committed(Set.of(partition)).get(partition).metadata()).isEqualTo("half-way");
        first.close();

        KafkaConsumer<String, String> next = GATEWAY.clients().consumer(group, settings);
        next.subscribe(List.of(topic));
        assertThat(consume(next, 10, Duration.ofSeconds(30))).first()
                .satisfies(record -> assertThat(record.offset()).isEqualTo(10));
    }
}
