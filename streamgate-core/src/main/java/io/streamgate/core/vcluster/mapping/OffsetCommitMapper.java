package io.streamgate.core.vcluster.mapping;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.message.OffsetCommitRequestData;
import org.apache.kafka.common.message.OffsetCommitRequestData.OffsetCommitRequestTopic;
import org.apache.kafka.common.message.OffsetCommitResponseData;
import org.apache.kafka.common.message.OffsetCommitResponseData.OffsetCommitResponsePartition;
import org.apache.kafka.common.message.OffsetCommitResponseData.OffsetCommitResponseTopic;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.resource.ResourceType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * OffsetCommit: the group id and topic names (v2-9) are prefixed; topic ids (v10) are checked to be the tenant's.
 * Kafka asks READ on the group, then READ on each topic; a refused topic gets its error on each partition and is not
 * sent. Committing stays allowed in a read-only virtual cluster: its consumers keep their positions.
 */
final class OffsetCommitMapper implements ApiMapper {

    private static final short FIRST_TOPIC_ID_VERSION = 10;

    @Override
    public Collection<Uuid> topicIds(ApiMessage request, short version) {
        if (version < FIRST_TOPIC_ID_VERSION) {
            return List.of();
        }
        return ((OffsetCommitRequestData) request).topics().stream().map(OffsetCommitRequestTopic::topicId).toList();
    }

    @Override
    public Mapping map(ApiMessage request, short version, TenantContext tenant) {
        OffsetCommitRequestData data = (OffsetCommitRequestData) request;
        if (!tenant.authorized(AclOperation.READ, ResourceType.GROUP, data.groupId())) {
            return BrokerErrors.answer(request, version, Errors.GROUP_AUTHORIZATION_FAILED);
        }
        boolean byId = version >= FIRST_TOPIC_ID_VERSION;
        Map<String, String> logicalByPhysical = new HashMap<>();
        List<OffsetCommitRequestTopic> forwarded = new ArrayList<>();
        List<OffsetCommitResponseTopic> refused = new ArrayList<>();
        for (OffsetCommitRequestTopic topic : data.topics()) {
            TopicResolution resolution = byId ? TopicResolution.byId(tenant, topic.topicId(), AclOperation.READ)
                    : TopicResolution.byName(tenant, topic.name(), AclOperation.READ);
            if (resolution.refused()) {
                refused.add(refusedTopic(topic, resolution.error()));
            } else {
                if (!byId) {
                    logicalByPhysical.put(resolution.physical(), topic.name());
                    topic.setName(resolution.physical());
                }
                forwarded.add(topic);
            }
        }
        if (forwarded.isEmpty() && !refused.isEmpty()) {
            return BrokerErrors.answer(new OffsetCommitResponseData().setTopics(refused));
        }
        data.setGroupId(tenant.names().physicalGroup(data.groupId())).setTopics(forwarded);
        return new Mapping.Forward(data, (response, responseVersion) -> {
            OffsetCommitResponseData committed = (OffsetCommitResponseData) response;
            List<OffsetCommitResponseTopic> topics = new ArrayList<>(committed.topics().size() + refused.size());
            for (OffsetCommitResponseTopic topic : committed.topics()) {
                if (byId) {
                    topics.add(topic);
                } else if (logicalByPhysical.containsKey(topic.name())) {
                    topics.add(topic.setName(logicalByPhysical.get(topic.name())));
                }
            }
            topics.addAll(refused);
            return committed.setTopics(topics);
        });
    }

    private static OffsetCommitResponseTopic refusedTopic(OffsetCommitRequestTopic topic, Errors error) {
        List<OffsetCommitResponsePartition> partitions = topic.partitions().stream()
                .map(partition -> new OffsetCommitResponsePartition().setPartitionIndex(partition.partitionIndex())
                        .setErrorCode(error.code()))
                .toList();
        return new OffsetCommitResponseTopic().setName(topic.name()).setTopicId(topic.topicId())
                .setPartitions(new ArrayList<>(partitions));
    }
}
