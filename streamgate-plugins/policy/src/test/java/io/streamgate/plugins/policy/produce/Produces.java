package io.streamgate.plugins.policy.produce;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.message.ProduceRequestData.PartitionProduceData;
import org.apache.kafka.common.message.ProduceRequestData.TopicProduceData;
import org.apache.kafka.common.message.ProduceRequestData.TopicProduceDataCollection;
import org.apache.kafka.common.message.ProduceResponseData;
import org.apache.kafka.common.message.ProduceResponseData.PartitionProduceResponse;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.SimpleRecord;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Produce requests and responses to feed the policy, and ways to read its answers. */
final class Produces {

    private Produces() {
    }

    static ProduceRequestData produce(int acks, TopicProduceData... topics) {
        return new ProduceRequestData().setAcks((short) acks).setTimeoutMs(30_000)
                .setTopicData(new TopicProduceDataCollection(List.of(topics).iterator()));
    }

    static TopicProduceData topic(String name, PartitionProduceData... partitions) {
        return new TopicProduceData().setName(name).setPartitionData(new ArrayList<>(List.of(partitions)));
    }

    static TopicProduceData topic(Uuid id, PartitionProduceData... partitions) {
        return topic("", partitions).setTopicId(id);
    }

    static PartitionProduceData partition(int index, MemoryRecords records) {
        return new PartitionProduceData().setIndex(index).setRecords(records);
    }

    static PartitionProduceData partition(int index) {
        return partition(index, idempotent(Compression.NONE, record("v")));
    }

    static MemoryRecords plain(Compression compression, SimpleRecord... records) {
        return MemoryRecords.withRecords(compression, records);
    }

    static MemoryRecords idempotent(Compression compression, SimpleRecord... records) {
        return MemoryRecords.withIdempotentRecords(compression, 7L, (short) 0, 0, records);
    }

    static SimpleRecord record(String value, Header... headers) {
        return new SimpleRecord(1_700_000_000_000L, null, value.getBytes(StandardCharsets.UTF_8), headers);
    }

    static Header header(String key) {
        return new RecordHeader(key, "x".getBytes(StandardCharsets.UTF_8));
    }

    static PartitionProduceResponse answer(ProduceResponseData response, String topic, Uuid id, int partition) {
        return response.responses().find(topic, id).partitionResponses().stream()
                .filter(p -> p.index() == partition).findFirst().orElseThrow();
    }
}
