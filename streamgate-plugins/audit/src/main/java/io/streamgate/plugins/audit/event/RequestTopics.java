package io.streamgate.plugins.audit.event;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.message.AddPartitionsToTxnRequestData;
import org.apache.kafka.common.message.AlterConfigsRequestData;
import org.apache.kafka.common.message.AlterPartitionReassignmentsRequestData;
import org.apache.kafka.common.message.CreateAclsRequestData;
import org.apache.kafka.common.message.CreatePartitionsRequestData;
import org.apache.kafka.common.message.CreateTopicsRequestData;
import org.apache.kafka.common.message.DeleteAclsRequestData;
import org.apache.kafka.common.message.DeleteRecordsRequestData;
import org.apache.kafka.common.message.DeleteTopicsRequestData;
import org.apache.kafka.common.message.DescribeConfigsRequestData;
import org.apache.kafka.common.message.DescribeProducersRequestData;
import org.apache.kafka.common.message.DescribeTopicPartitionsRequestData;
import org.apache.kafka.common.message.ElectLeadersRequestData;
import org.apache.kafka.common.message.FetchRequestData;
import org.apache.kafka.common.message.IncrementalAlterConfigsRequestData;
import org.apache.kafka.common.message.ListOffsetsRequestData;
import org.apache.kafka.common.message.ListPartitionReassignmentsRequestData;
import org.apache.kafka.common.message.MetadataRequestData;
import org.apache.kafka.common.message.OffsetCommitRequestData;
import org.apache.kafka.common.message.OffsetDeleteRequestData;
import org.apache.kafka.common.message.OffsetFetchRequestData;
import org.apache.kafka.common.message.OffsetForLeaderEpochRequestData;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.message.ShareAcknowledgeRequestData;
import org.apache.kafka.common.message.ShareFetchRequestData;
import org.apache.kafka.common.message.TxnOffsetCommitRequestData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.resource.ResourceType;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The topics a request names, by name or by id, for the APIs that name topics: Produce, Fetch, ListOffsets,
 * Metadata, OffsetCommit, OffsetFetch, CreateTopics, DeleteTopics, DeleteRecords, OffsetForLeaderEpoch,
 * AddPartitionsToTxn, TxnOffsetCommit, DescribeConfigs / AlterConfigs / IncrementalAlterConfigs (topic
 * resources), CreateAcls / DeleteAcls (topic resources), CreatePartitions, ElectLeaders,
 * AlterPartitionReassignments, ListPartitionReassignments, OffsetDelete, DescribeProducers,
 * DescribeTopicPartitions, ShareFetch and ShareAcknowledge. Other APIs name no topic.
 *
 * @param names topic names, in request order, without repeats
 * @param ids topic ids of topics named by id only
 */
public record RequestTopics(Set<String> names, Set<Uuid> ids) {

    public RequestTopics {
        names = Collections.unmodifiableSet(new LinkedHashSet<>(names));
        ids = Collections.unmodifiableSet(new LinkedHashSet<>(ids));
    }

    public boolean isEmpty() {
        return names.isEmpty() && ids.isEmpty();
    }

    public static RequestTopics of(ApiKeys api, ApiMessage request) {
        Collector topics = new Collector();
        switch (api) {
            case PRODUCE -> ((ProduceRequestData) request).topicData().forEach(t -> topics.add(t.name(), t.topicId()));
            case FETCH -> ((FetchRequestData) request).topics().forEach(t -> topics.add(t.topic(), t.topicId()));
            case LIST_OFFSETS -> ((ListOffsetsRequestData) request).topics().forEach(t -> topics.add(t.name()));
            case METADATA -> {
                List<MetadataRequestData.MetadataRequestTopic> list = ((MetadataRequestData) request).topics();
                if (list != null) {
                    list.forEach(t -> topics.add(t.name(), t.topicId()));
                }
            }
            case OFFSET_COMMIT -> ((OffsetCommitRequestData) request).topics().forEach(t -> topics.add(t.name(), t.topicId()));
            case OFFSET_FETCH -> {
                OffsetFetchRequestData fetch = (OffsetFetchRequestData) request;
                if (fetch.topics() != null) {
                    fetch.topics().forEach(t -> topics.add(t.name()));
                }
                fetch.groups().forEach(g -> {
                    if (g.topics() != null) {
                        g.topics().forEach(t -> topics.add(t.name(), t.topicId()));
                    }
                });
            }
            case CREATE_TOPICS -> ((CreateTopicsRequestData) request).topics().forEach(t -> topics.add(t.name()));
            case DELETE_TOPICS -> {
                DeleteTopicsRequestData delete = (DeleteTopicsRequestData) request;
                delete.topicNames().forEach(topics::add);
                delete.topics().forEach(t -> topics.add(t.name(), t.topicId()));
            }
            case DELETE_RECORDS -> ((DeleteRecordsRequestData) request).topics().forEach(t -> topics.add(t.name()));
            case OFFSET_FOR_LEADER_EPOCH ->
                    ((OffsetForLeaderEpochRequestData) request).topics().forEach(t -> topics.add(t.topic()));
            case ADD_PARTITIONS_TO_TXN -> {
                AddPartitionsToTxnRequestData add = (AddPartitionsToTxnRequestData) request;
                add.v3AndBelowTopics().forEach(t -> topics.add(t.name()));
                add.transactions().forEach(tx -> tx.topics().forEach(t -> topics.add(t.name())));
            }
            case TXN_OFFSET_COMMIT ->
                    ((TxnOffsetCommitRequestData) request).topics().forEach(t -> topics.add(t.name(), t.topicId()));
            case DESCRIBE_CONFIGS -> ((DescribeConfigsRequestData) request).resources()
                    .forEach(r -> topics.addConfigResource(r.resourceType(), r.resourceName()));
            case ALTER_CONFIGS -> ((AlterConfigsRequestData) request).resources()
                    .forEach(r -> topics.addConfigResource(r.resourceType(), r.resourceName()));
            case INCREMENTAL_ALTER_CONFIGS -> ((IncrementalAlterConfigsRequestData) request).resources()
                    .forEach(r -> topics.addConfigResource(r.resourceType(), r.resourceName()));
            case CREATE_ACLS -> ((CreateAclsRequestData) request).creations()
                    .forEach(c -> topics.addAclResource(c.resourceType(), c.resourceName()));
            case DELETE_ACLS -> ((DeleteAclsRequestData) request).filters()
                    .forEach(f -> topics.addAclResource(f.resourceTypeFilter(), f.resourceNameFilter()));
            case CREATE_PARTITIONS -> ((CreatePartitionsRequestData) request).topics().forEach(t -> topics.add(t.name()));
            case ELECT_LEADERS -> {
                ElectLeadersRequestData.TopicPartitionsCollection partitions =
                        ((ElectLeadersRequestData) request).topicPartitions();
                if (partitions != null) {
                    partitions.forEach(t -> topics.add(t.topic()));
                }
            }
            case ALTER_PARTITION_REASSIGNMENTS ->
                    ((AlterPartitionReassignmentsRequestData) request).topics().forEach(t -> topics.add(t.name()));
            case LIST_PARTITION_REASSIGNMENTS -> {
                List<ListPartitionReassignmentsRequestData.ListPartitionReassignmentsTopics> list =
                        ((ListPartitionReassignmentsRequestData) request).topics();
                if (list != null) {
                    list.forEach(t -> topics.add(t.name()));
                }
            }
            case OFFSET_DELETE -> ((OffsetDeleteRequestData) request).topics().forEach(t -> topics.add(t.name()));
            case DESCRIBE_PRODUCERS -> ((DescribeProducersRequestData) request).topics().forEach(t -> topics.add(t.name()));
            case DESCRIBE_TOPIC_PARTITIONS ->
                    ((DescribeTopicPartitionsRequestData) request).topics().forEach(t -> topics.add(t.name()));
            case SHARE_FETCH -> ((ShareFetchRequestData) request).topics().forEach(t -> topics.add(null, t.topicId()));
            case SHARE_ACKNOWLEDGE ->
                    ((ShareAcknowledgeRequestData) request).topics().forEach(t -> topics.add(null, t.topicId()));
            default -> {
            }
        }
        return new RequestTopics(topics.names, topics.ids);
    }

    private static final class Collector {
        private final Set<String> names = new LinkedHashSet<>();
        private final Set<Uuid> ids = new LinkedHashSet<>();

        void add(String name) {
            if (name != null && !name.isEmpty()) {
                names.add(name);
            }
        }

        void add(String name, Uuid id) {
            if (name != null && !name.isEmpty()) {
                names.add(name);
            } else if (id != null && !Uuid.ZERO_UUID.equals(id)) {
                ids.add(id);
            }
        }

        void addConfigResource(byte type, String name) {
            if (type == ConfigResource.Type.TOPIC.id()) {
                add(name);
            }
        }

        void addAclResource(byte type, String name) {
            if (type == ResourceType.TOPIC.code()) {
                add(name);
            }
        }
    }
}
