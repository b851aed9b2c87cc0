package io.streamgate.it;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamgate.core.Gateway;
import io.streamgate.core.GatewayConfig;
import io.streamgate.testing.clients.KafkaClients;
import io.streamgate.testing.junit.KafkaClusterExtension;
import io.streamgate.testing.net.FreePorts;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.FetchRequestData;
import org.apache.kafka.common.message.MetadataRequestData;
import org.apache.kafka.common.message.MetadataResponseData;
import org.apache.kafka.common.message.ResponseHeaderData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static io.streamgate.it.Records.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Closing the gateway stops accepting connections but lets requests already in flight complete. */
class GracefulShutdownIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = ItCluster.KAFKA;

    @Test
    void aLongPollInFlightIsAnsweredBeforeTheConnectionCloses() throws Exception {
        int port = FreePorts.consecutive(5);
        List<String> upstream = Arrays.asList(KAFKA.cluster().bootstrapServers().split(","));
        GatewayConfig config = GatewayConfig.defaults(upstream)
                .withListener(GatewayConfig.ListenerConfig.defaults().withBootstrapPort(port).withMaxBrokers(4))
                .withShutdownTimeout(Duration.ofSeconds(10));
        Gateway gateway = Gateway.start(config, new SimpleMeterRegistry());
        await().atMost(Duration.ofSeconds(30)).until(gateway::isReady);
        String topic = unique("shutdown");
        try (KafkaClients direct = new KafkaClients(KAFKA.cluster().bootstrapServers())) {
            Records.createTopic(direct.admin(), topic, 1);
        }

        try (RawConnection connection = new RawConnection(gateway.bootstrapAddress())) {
            // Ask the bootstrap broker's metadata for the topic id and the leader, then long-poll it.
            // The broker answering may learn of the new topic a moment after it was created.
            MetadataResponseData[] answer = new MetadataResponseData[1];
            int[] correlationId = {0};
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                connection.send(new MetadataRequestData().setTopics(List.of(
                        new MetadataRequestData.MetadataRequestTopic().setName(topic))), (short) 12, ++correlationId[0]);
                answer[0] = readMetadata(connection.receive());
                return !answer[0].topics().find(topic).partitions().isEmpty();
            });
            MetadataResponseData metadata = answer[0];
            Uuid topicId = metadata.topics().find(topic).topicId();
            int leader = metadata.topics().find(topic).partitions().get(0).leaderId();

            try (RawConnection toLeader = new RawConnection(new InetSocketAddress("127.0.0.1",
                    gateway.brokerPorts().get(leader)))) {
                FetchRequestData fetch = new FetchRequestData().setMaxWaitMs(3_000).setMinBytes(1).setMaxBytes(1 << 20)
                        .setReplicaId(-1);
                fetch.topics().add(new FetchRequestData.FetchTopic().setTopicId(topicId).setPartitions(List.of(
                        new FetchRequestData.FetchPartition().setPartition(0).setFetchOffset(0)
                                .setPartitionMaxBytes(1 << 20))));
                toLeader.send(fetch, ApiKeys.FETCH.latestVersion(), 42);
                await().atMost(Duration.ofSeconds(5)).until(() -> gateway.inFlightRequests() > 0);

                long closing = System.nanoTime();
                CompletableFuture<Void> closed = CompletableFuture.runAsync(gateway::close);
                await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThatThrownBy(() ->
                        new RawConnection(gateway.bootstrapAddress()).close()).isInstanceOf(ConnectException.class));

                ByteBuffer response = toLeader.receive();
                assertThat(response.getInt(0)).as("the fetch was answered").isEqualTo(42);
                closed.get();
                assertThat(Duration.ofNanos(System.nanoTime() - closing)).isLessThan(Duration.ofSeconds(10));
                assertThat(toLeader.closedByPeer()).isTrue();
            }
        } finally {
            gateway.close();
        }
    }

    private static MetadataResponseData readMetadata(ByteBuffer body) {
        ByteBufferAccessor accessor = new ByteBufferAccessor(body);
        new ResponseHeaderData(accessor, ApiKeys.METADATA.responseHeaderVersion((short) 12));
        return new MetadataResponseData(accessor, (short) 12);
    }
}
