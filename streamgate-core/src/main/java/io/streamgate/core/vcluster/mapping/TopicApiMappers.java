package io.streamgate.core.vcluster.mapping;

import org.apache.kafka.common.protocol.ApiKeys;

import java.util.Map;

/**
 * The mappers of the APIs that name topics (records, offsets, topic administration, topic and group configurations,
 * partition leadership and replicas), one per API.
 */
final class TopicApiMappers {

    private TopicApiMappers() {
    }

    static void register(Map<ApiKeys, ApiMapper> mappers) {
        mappers.put(ApiKeys.METADATA, new MetadataMapper());
        mappers.put(ApiKeys.PRODUCE, new ProduceMapper());
        mappers.put(ApiKeys.FETCH, new FetchMapper());
        mappers.put(ApiKeys.LIST_OFFSETS, new ListOffsetsMapper());
        mappers.put(ApiKeys.OFFSET_FOR_LEADER_EPOCH, new OffsetForLeaderEpochMapper());
        mappers.put(ApiKeys.DELETE_RECORDS, new DeleteRecordsMapper());
        mappers.put(ApiKeys.CREATE_TOPICS, new CreateTopicsMapper());
        mappers.put(ApiKeys.DELETE_TOPICS, new DeleteTopicsMapper());
        mappers.put(ApiKeys.CREATE_PARTITIONS, new CreatePartitionsMapper());
        mappers.put(ApiKeys.DESCRIBE_CONFIGS, new DescribeConfigsMapper());
        mappers.put(ApiKeys.ALTER_CONFIGS, new AlterConfigsMapper());
        mappers.put(ApiKeys.INCREMENTAL_ALTER_CONFIGS, new IncrementalAlterConfigsMapper());
        mappers.put(ApiKeys.DESCRIBE_TOPIC_PARTITIONS, new DescribeTopicPartitionsMapper());
        mappers.put(ApiKeys.ELECT_LEADERS, new ElectLeadersMapper());
        mappers.put(ApiKeys.ALTER_PARTITION_REASSIGNMENTS, new AlterPartitionReassignmentsMapper());
        mappers.put(ApiKeys.LIST_PARTITION_REASSIGNMENTS, new ListPartitionReassignmentsMapper());
        mappers.put(ApiKeys.DESCRIBE_PRODUCERS, new DescribeProducersMapper());
    }
}
