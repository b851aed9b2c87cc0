package io.streamgate.plugins.policy.schemaid;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.message.ProduceRequestData.PartitionProduceData;
import org.apache.kafka.common.message.ProduceRequestData.TopicProduceData;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.SimpleRecord;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Produce requests and record values for the tests. */
final class Produces {

    private Produces() {
    }

    static ProduceRequestData request(TopicProduceData... topics) {
        ProduceRequestData request = new ProduceRequestData().setAcks((short) -1).setTimeoutMs(30_000);
        for (TopicProduceData topic : topics) {
            request.topicData().add(topic);
        }
        return request;
    }

    static TopicProduceData topic(String name, PartitionProduceData... partitions) {
        return new TopicProduceData().setName(name).setPartitionData(new ArrayList<>(List.of(partitions)));
    }

    static TopicProduceData topic(Uuid id, PartitionProduceData... partitions) {
        return new TopicProduceData().setName("").setTopicId(id)
                .setPartitionData(new ArrayList<>(List.of(partitions)));
    }

    static PartitionProduceData partition(int index, byte[]... values) {
        return partition(index, Compression.NONE, values);
    }

    static PartitionProduceData partition(int index, Compression compression, byte[]... values) {
        SimpleRecord[] records = new SimpleRecord[values.length];
        for (int i = 0; i < values.length; i++) {
            records[i] = new SimpleRecord("k".getBytes(StandardCharsets.UTF_8), values[i]);
        }
        return new PartitionProduceData().setIndex(index).setRecords(MemoryRecords.withRecords(compression, records));
    }

    /** A value in the schema registry wire format with schema id {@code id}. */
    static byte[] withSchemaId(int id, String data) {
        byte[] payload = data.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(5 + payload.length).put((byte) 0).putInt(id).put(payload).array();
    }

    static byte[] plain(String data) {
        return data.getBytes(StandardCharsets.UTF_8);
    }
}
