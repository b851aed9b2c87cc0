package io.streamgate.bench.micro;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.streamgate.core.protocol.KafkaMessageCodec;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.message.MetadataRequestData;
import org.apache.kafka.common.message.MetadataResponseData;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.message.ProduceResponseData;
import org.apache.kafka.common.message.RequestHeaderData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.MemoryRecordsBuilder;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Kafka messages shaped like real traffic, built with kafka-clients' own classes, and their frames. Seeded, so every
 * run measures the same bytes. Record values are random bytes: incompressible and uncompressed, as the codec never
 * looks inside batches anyway.
 */
final class RealisticMessages {

    static final short PRODUCE_VERSION = 13;
    static final short FETCH_VERSION = 18;
    static final short METADATA_VERSION = 13;
    static final String CLIENT_ID = "producer-1";

    private static final long TIMESTAMP = 1_764_000_000_000L;

    private RealisticMessages() {
    }

    /** Record batches of {@code recordsPerBatch} records with a 16-byte key and a {@code valueBytes} value. */
    static MemoryRecords records(int batches, int recordsPerBatch, int valueBytes, long baseOffset, Random random) {
        List<ByteBuffer> built = new ArrayList<>(batches);
        int total = 0;
        for (int b = 0; b < batches; b++) {
            MemoryRecordsBuilder builder = MemoryRecords.builder(
                    ByteBuffer.allocate(recordsPerBatch * (valueBytes + 64) + 128), Compression.NONE,
                    TimestampType.CREATE_TIME, baseOffset + (long) b * recordsPerBatch);
            for (int r = 0; r < recordsPerBatch; r++) {
                builder.append(TIMESTAMP + r, bytes(random, 16), bytes(random, valueBytes));
            }
            ByteBuffer batch = builder.build().buffer();
            built.add(batch);
            total += batch.remaining();
        }
        ByteBuffer all = ByteBuffer.allocate(total);
        built.forEach(batch -> all.put(batch.duplicate()));
        return MemoryRecords.readableRecords(all.flip());
    }

    /** A Produce request of one topic, one record set per partition. */
    static ProduceRequestData produceRequest(int partitions, int batchesPerPartition, int recordsPerBatch,
                                             int valueBytes, short acks, Random random) {
        ProduceRequestData.TopicProduceData topic = new ProduceRequestData.TopicProduceData()
                .setName("orders").setTopicId(uuid(random));
        for (int p = 0; p < partitions; p++) {
            topic.partitionData().add(new ProduceRequestData.PartitionProduceData().setIndex(p)
                    .setRecords(records(batchesPerPartition, recordsPerBatch, valueBytes, 0, random)));
        }
        ProduceRequestData request = new ProduceRequestData().setAcks(acks).setTimeoutMs(30_000);
        request.topicData().add(topic);
        return request;
    }

    /** The broker's answer to {@code request}: every partition appended, no node endpoints. */
    static ProduceResponseData produceResponse(ProduceRequestData request) {
        ProduceResponseData response = new ProduceResponseData();
        for (ProduceRequestData.TopicProduceData topic : request.topicData()) {
            ProduceResponseData.TopicProduceResponse answered = new ProduceResponseData.TopicProduceResponse()
                    .setName(topic.name()).setTopicId(topic.topicId());
            for (ProduceRequestData.PartitionProduceData partition : topic.partitionData()) {
                answered.partitionResponses().add(new ProduceResponseData.PartitionProduceResponse()
                        .setIndex(partition.index()).setBaseOffset(1_000_000).setLogStartOffset(0));
            }
            response.responses().add(answered);
        }
        return response;
    }

    /**
     * A Fetch response of {@code topics} topics with {@code partitionsPerTopic} partitions each, every partition
     * carrying {@code batchesPerPartition} batches (as a producer with the default 16 KiB batch.size wrote them).
     */
    static FetchResponseData fetchResponse(int topics, int partitionsPerTopic, int batchesPerPartition,
                                           int recordsPerBatch, int valueBytes, Random random) {
        FetchResponseData response = new FetchResponseData().setSessionId(17);
        for (int t = 0; t < topics; t++) {
            FetchResponseData.FetchableTopicResponse topic = new FetchResponseData.FetchableTopicResponse()
                    .setTopic("orders-" + t).setTopicId(uuid(random));
            for (int p = 0; p < partitionsPerTopic; p++) {
                long baseOffset = 5_000_000L + p * 10_000L;
                topic.partitions().add(new FetchResponseData.PartitionData().setPartitionIndex(p)
                        .setHighWatermark(baseOffset + 100_000).setLastStableOffset(baseOffset + 100_000)
                        .setLogStartOffset(0).setPreferredReadReplica(-1)
                        .setRecords(records(batchesPerPartition, recordsPerBatch, valueBytes, baseOffset, random)));
            }
            response.responses().add(topic);
        }
        return response;
    }

    /**
     * The Metadata response of a cluster of {@code brokers} brokers over three racks, with {@code topics} topics of
     * {@code partitionsPerTopic} partitions, replication factor 3, as a client asking for all topics gets it.
     */
    static MetadataResponseData metadataResponse(int brokers, int topics, int partitionsPerTopic, Random random) {
        MetadataResponseData response = new MetadataResponseData().setClusterId("Ab3dE5gH7jK9mN1pQ3sT5v")
                .setControllerId(1);
        for (int nodeId = 1; nodeId <= brokers; nodeId++) {
            response.brokers().add(new MetadataResponseData.MetadataResponseBroker().setNodeId(nodeId)
                    .setHost(String.format("b-%d.kafka-prod.abc123.c2.kafka.eu-west-1.amazonaws.com", nodeId))
                    .setPort(9092).setRack("eu-west-1" + (char) ('a' + nodeId % 3)));
        }
        for (int t = 0; t < topics; t++) {
            MetadataResponseData.MetadataResponseTopic topic = new MetadataResponseData.MetadataResponseTopic()
                    .setName(String.format("payments.events.v%d-%03d", 1 + t % 3, t)).setTopicId(uuid(random))
                    .setTopicAuthorizedOperations(Integer.MIN_VALUE);
            for (int p = 0; p < partitionsPerTopic; p++) {
                int leader = 1 + random.nextInt(brokers);
                List<Integer> replicas = List.of(leader, 1 + leader % brokers, 1 + (leader + 1) % brokers);
                topic.partitions().add(new MetadataResponseData.MetadataResponsePartition().setPartitionIndex(p)
                        .setLeaderId(leader).setLeaderEpoch(random.nextInt(40)).setReplicaNodes(replicas)
                        .setIsrNodes(replicas).setOfflineReplicas(List.of()));
            }
            response.topics().add(topic);
        }
        return response;
    }

    /** What a client sends to learn about every topic. */
    static MetadataRequestData allTopicsMetadataRequest() {
        return new MetadataRequestData().setTopics(null).setAllowAutoTopicCreation(false);
    }

    /** A request frame (length prefix included) in a direct buffer, as read from a socket. */
    static ByteBuf requestFrame(ApiMessage body, short version, int correlationId) {
        return requestFrame(body, version, correlationId, CLIENT_ID);
    }

    /** A request frame as {@link #requestFrame(ApiMessage, short, int)}, from a client of id {@code clientId}. */
    static ByteBuf requestFrame(ApiMessage body, short version, int correlationId, String clientId) {
        RequestHeaderData header = new RequestHeaderData().setRequestApiKey(body.apiKey())
                .setRequestApiVersion(version).setCorrelationId(correlationId).setClientId(clientId);
        return intoDefaultAllocator(KafkaMessageCodec.encodeRequest(UnpooledByteBufAllocator.DEFAULT, header, body));
    }

    /** A response frame (length prefix included) in a direct buffer, as read from a socket. */
    static ByteBuf responseFrame(ApiKeys apiKey, ApiMessage body, short version, int correlationId) {
        return intoDefaultAllocator(KafkaMessageCodec.encodeResponse(UnpooledByteBufAllocator.DEFAULT, apiKey, version,
                correlationId, body));
    }

    /** Copies into a buffer of Netty's default allocator: the kind of buffer a socket read hands the pipeline. */
    private static ByteBuf intoDefaultAllocator(ByteBuf encoded) {
        try {
            ByteBuf frame = ByteBufAllocator.DEFAULT.directBuffer(encoded.readableBytes());
            return frame.writeBytes(encoded);
        } finally {
            encoded.release();
        }
    }

    private static byte[] bytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static Uuid uuid(Random random) {
        return new Uuid(random.nextLong(), random.nextLong());
    }
}
