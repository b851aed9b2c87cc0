package io.streamgate.it;

import io.streamgate.testing.junit.GatewayExtension;
import io.streamgate.testing.junit.KafkaClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.streamgate.it.Records.consume;
import static io.streamgate.it.Records.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class TransactionsIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = ItCluster.KAFKA;

    @RegisterExtension
    static final GatewayExtension GATEWAY = GatewayExtension.inFrontOf(KAFKA);

    @Test
    void readCommittedConsumerSeesCommittedTransactionsAndNotAbortedOnes() {
        String topic = unique("tx");
        Records.createTopic(GATEWAY.clients().admin(), topic, 3);
        KafkaProducer<String, String> producer = GATEWAY.clients().producer(Map.of(
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, unique("tx-producer")));
        producer.initTransactions();

        producer.beginTransaction();
        for (int i = 0; i < 50; i++) {
            producer.send(new ProducerRecord<>(topic, "k" + i, "committed-" + i));
        }
        producer.commitTransaction();

        producer.beginTransaction();
        for (int i = 0; i < 50; i++) {
            producer.send(new ProducerRecord<>(topic, "k" + i, "aborted-" + i));
        }
        producer.flush();
        producer.abortTransaction();

        producer.beginTransaction();
        producer.send(new ProducerRecord<>(topic, "last", "committed-last"));
        producer.commitTransaction();

        KafkaConsumer<String, String> consumer = GATEWAY.clients().consumer(unique("group"),
                Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
        consumer.subscribe(List.of(topic));
        List<ConsumerRecord<String, String>> received = consume(consumer, 51, Duration.ofSeconds(30));
        received.addAll(consume(consumer, Integer.MAX_VALUE, Duration.ofSeconds(2))); // nothing more may arrive

        assertThat(received).hasSize(51).extracting(ConsumerRecord::value).allMatch(v -> v.startsWith("committed-"));
    }

    @Test
    void consumeTransformProduceCommitsOffsetsInTheTransaction() throws Exception {
        String input = unique("tx-in");
        String output = unique("tx-out");
        String group = unique("tx-group");
        Records.createTopic(GATEWAY.clients().admin(), input, 1);
        Records.createTopic(GATEWAY.clients().admin(), output, 1);
        KafkaProducer<String, String> seed = GATEWAY.clients().producer();
        for (int i = 0; i < 10; i++) {
            seed.send(new ProducerRecord<>(input, "in-" + i)).get();
        }

        KafkaConsumer<String, String> consumer = GATEWAY.clients().consumer(group, Map.of(
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
        consumer.subscribe(List.of(input));
        List<ConsumerRecord<String, String>> batch = consume(consumer, 10, Duration.ofSeconds(30));
        KafkaProducer<String, String> producer = GATEWAY.clients().producer(Map.of(
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, unique("tx-transformer")));
        producer.initTransactions();
        producer.beginTransaction();
        batch.forEach(record -> producer.send(new ProducerRecord<>(output, record.value().toUpperCase())));
        TopicPartition partition = new TopicPartition(input, 0);
        producer.sendOffsetsToTransaction(Map.of(partition, new OffsetAndMetadata(batch.size())),
                consumer.groupMetadata());
        producer.commitTransaction();

        // Offsets committed in a transaction become visible once its markers are written.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<TopicPartition, OffsetAndMetadata> committed = GATEWAY.clients().admin()
                    .listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            assertThat(committed.get(partition)).isNotNull();
            assertThat(committed.get(partition).offset()).isEqualTo(10);
        });
        KafkaConsumer<String, String> reader = GATEWAY.clients().consumer(unique("reader"),
                Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
        reader.subscribe(List.of(output));
        assertThat(consume(reader, 10, Duration.ofSeconds(30))).extracting(ConsumerRecord::value).contains("IN-0", "IN-9");
    }
}
