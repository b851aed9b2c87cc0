package io.streamgate.core.vcluster.mapping;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.message.TxnOffsetCommitRequestData;
import org.apache.kafka.common.message.TxnOffsetCommitRequestData.TxnOffsetCommitRequestTopic;
import org.apache.kafka.common.message.TxnOffsetCommitResponseData;
import org.apache.kafka.common.message.TxnOffsetCommitResponseData.TxnOffsetCommitResponsePartition;
import org.apache.kafka.common.message.TxnOffsetCommitResponseData.TxnOffsetCommitResponseTopic;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.resource.ResourceType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * TxnOffsetCommit: the transactional id, the group id and topic names (v0-5) are prefixed; topic ids (v6) are checked
 * to be the tenant's. Kafka asks WRITE on the transactional id (see {@link TransactionalIdWrites}), READ on the group,
 * then READ on each topic; a refused topic gets its error on each partition and is not sent.
 */
final class TxnOffsetCommitMapper implements ApiMapper {

    private static final short FIRST_TOPIC_ID_VERSION = 6;

    @Override
    public Collection<Uuid> topicIds(ApiMessage request, short version) {
        if (version < FIRST_TOPIC_ID_VERSION) {
            return List.of();
        }
        return ((TxnOffsetCommitRequestData) request).topics().stream().map(TxnOffsetCommitRequestTopic::topicId)
                .toList();
    }

    @Override
    public Mapping map(ApiMessage request, short version, TenantContext tenant) {
        TxnOffsetCommitRequestData data = (TxnOffsetCommitRequestData) request;
        if (!TransactionalIdWrites.allowed(tenant, data.transactionalId())) {
            return BrokerErrors.answer(request, version, Errors.TRANSACTIONAL_ID_AUTHORIZATION_FAILED);
        }
        if (!tenant.authorized(AclOperation.READ, ResourceType.GROUP, data.groupId())) {
            return BrokerErrors.answer(request, version, Errors.GROUP_AUTHORIZATION_FAILED);
        }
        boolean byId = version >= FIRST_TOPIC_ID_VERSION;
        Map<String, String> logicalByPhysical = new HashMap<>();
        List<TxnOffsetCommitRequestTopic> forwarded = new ArrayList<>();
        List<TxnOffsetCommitResponseTopic> refused = new ArrayList<>();
        for (TxnOffsetCommitRequestTopic topic : data.topics()) {
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
            return BrokerErrors.answer(new TxnOffsetCommitResponseData().setTopics(refused));
        }
        data.setTransactionalId(tenant.names().physicalTransactionalId(data.transactionalId()))
                .setGroupId(tenant.names().physicalGroup(data.groupId()))
                .setTopics(forwarded);
        return new Mapping.Forward(data, (response, responseVersion) -> {
            TxnOffsetCommitResponseData committed = (TxnOffsetCommitResponseData) response;
            List<TxnOffsetCommitResponseTopic> topics = new ArrayList<>(committed.topics().size() + refused.size());
            for (TxnOffsetCommitResponseTopic topic : committed.topics()) {
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

    private static TxnOffsetCommitResponseTopic refusedTopic(TxnOffsetCommitRequestTopic topic, Errors error) {
        List<TxnOffsetCommitResponsePartition> partitions = topic.partitions().stream()
                .map(partition -> new TxnOffsetCommitResponsePartition()
                        .setPartitionIndex(partition.partitionIndex()).setErrorCode(error.code()))
                .toList();
        return new TxnOffsetCommitResponseTopic().setName(topic.name()).setTopicId(topic.topicId())
                .setPartitions(new ArrayList<>(partitions));
    }
}
