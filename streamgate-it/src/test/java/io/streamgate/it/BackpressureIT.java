package io.streamgate.it;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import io.streamgate.testing.junit.GatewayExtension;
import io.streamgate.testing.junit.KafkaClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.FetchRequestData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.streamgate.it.Records.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A client that asks for much more than it reads: the gateway stops reading from the broker instead of
 * buffering the difference, and once the client reads again every response arrives, in order.
 */
class BackpressureIT {

    private static final int FETCHES = 48;
    private static final int MAX_BYTES_PER_FETCH = 1024 * 1024;

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = ItCluster.KAFKA;

    @RegisterExtension
    static final GatewayExtension GATEWAY = GatewayExtension.inFrontOf(KAFKA);

    @Test
    void aClientThatDoesNotReadIsNotBufferedFor() throws Exception {
        String topic = unique("backpressure");
        Records.createTopic(GATEWAY.clients().admin(), topic, 1);
        KafkaProducer<byte[], byte[]> producer = GATEWAY.clients().producer(new ByteArraySerializer(),
                new ByteArraySerializer(), Map.of("linger.ms", 20, "batch.size", 256 * 1024));
        byte[] value = new byte[8 * 1024];
        for (int i = 0; i < 2 * 1024; i++) { // 16 MiB
            producer.send(new ProducerRecord<>(topic, value));
        }
        producer.flush();
        Uuid topicId = GATEWAY.clients().admin().describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                .topicId();
        int leader = GATEWAY.clients().admin().describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                .partitions().get(0).leader().id();

        try (RawConnection connection = new RawConnection(new InetSocketAddress("127.0.0.1",
                GATEWAY.gateway().brokerPorts().get(leader)))) {
            long before = bufferMemory();
            for (int i = 0; i < FETCHES; i++) { // each answered with ~1 MiB: 48 MiB that the client will not read
                FetchRequestData fetch = new FetchRequestData().setMaxWaitMs(0).setMinBytes(1)
                        .setMaxBytes(MAX_BYTES_PER_FETCH).setReplicaId(-1);
                fetch.topics().add(new FetchRequestData.FetchTopic().setTopicId(topicId).setPartitions(List.of(
                        new FetchRequestData.FetchPartition().setPartition(0).setFetchOffset(0)
                                .setPartitionMaxBytes(MAX_BYTES_PER_FETCH))));
                connection.send(fetch, ApiKeys.FETCH.latestVersion(), i);
            }
            // While the broker answers as much as it can, the gateway must hold well under the 48 MiB asked for.
            await("the gateway buffers little for a client that does not read").during(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> bufferMemory() - before,
                            buffered -> buffered < 16L * 1024 * 1024);
            for (int i = 0; i < FETCHES; i++) {
                assertThat(connection.receive().getInt()).as("responses in request order").isEqualTo(i);
            }
        }
    }

    /** Memory held by the allocator every gateway channel uses. */
    private static long bufferMemory() {
        var metric = ((ByteBufAllocatorMetricProvider) ByteBufAllocator.DEFAULT).metric();
        return metric.usedDirectMemory() + metric.usedHeapMemory();
    }
}
