package io.streamgate.it;

import io.streamgate.testing.junit.GatewayExtension;
import io.streamgate.testing.junit.KafkaClusterExtension;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.streamgate.it.Records.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A broker restarts while a producer and a consumer run through the gateway. Both recover by themselves,
 * and every record the producer saw acknowledged arrives at the consumer, intact.
 */
class BrokerRestartIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = ItCluster.KAFKA;

    @RegisterExtension
    static final GatewayExtension GATEWAY = GatewayExtension.inFrontOf(KAFKA);

    @Test
    void noAcknowledgedRecordIsLostWhenALeaderRestarts() throws Exception {
        String topic = unique("restart");
        Records.createTopic(GATEWAY.clients().admin(), topic, 3);
        TopicDescription description = GATEWAY.clients().admin().describeTopics(List.of(topic)).allTopicNames().get()
                .get(topic);
        int leader = description.partitions().get(0).leader().id();

        KafkaProducer<String, String> producer = GATEWAY.clients().producer(Map.of(
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000));
        KafkaConsumer<String, String> consumer = GATEWAY.clients().consumer(unique("group"));
        consumer.subscribe(List.of(topic));

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> received = ConcurrentHashMap.newKeySet();
        AtomicBoolean producing = new AtomicBoolean(true);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        Future<?> production = executor.submit(() -> {
            for (int i = 0; producing.get(); i++) {
                String value = "record-" + i;
                Future<?> sent = producer.send(new ProducerRecord<>(topic, Integer.toString(i), value),
                        (metadata, error) -> {
                            if (error == null) {
                                acknowledged.add(value);
                            }
                        });
                if (i % 20 == 0) {
                    awaitQuietly(sent); // paces the load: at most 20 records ahead of the last acknowledgement
                }
            }
            producer.flush();
        });
        consumeUntil(consumer, received, () -> received.size() >= 200, Duration.ofSeconds(60));

        KAFKA.cluster().restartNode(leader);
        int acknowledgedAtRestart = acknowledged.size();
        consumeUntil(consumer, received, () -> acknowledged.size() > acknowledgedAtRestart + 500, Duration.ofSeconds(120));

        producing.set(false);
        production.get(150, TimeUnit.SECONDS);
        executor.shutdown();
        consumeUntil(consumer, received, () -> received.containsAll(acknowledged), Duration.ofSeconds(120));

        assertThat(acknowledged).hasSizeGreaterThan(700);
        assertThat(received).containsAll(acknowledged);
        await("the restarted broker rejoins the ISR").atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(GATEWAY.clients().admin().describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                        .partitions()).allSatisfy(partition -> assertThat(partition.isr()).hasSize(3)));
    }

    private static void consumeUntil(KafkaConsumer<String, String> consumer, Set<String> received,
                                     java.util.function.BooleanSupplier done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("progress within " + timeout).isLessThan(deadline);
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                received.add(record.value());
            }
        }
    }

    private static void awaitQuietly(Future<?> sent) {
        try {
            sent.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            // not acknowledged: it is simply not counted
        }
    }
}
