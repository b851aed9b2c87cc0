package io.streamgate.core.vcluster.mapping;

import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.message.OffsetDeleteRequestData;
import org.apache.kafka.common.message.OffsetDeleteRequestData.OffsetDeleteRequestTopic;
import org.apache.kafka.common.message.OffsetDeleteRequestData.OffsetDeleteRequestTopicCollection;
import org.apache.kafka.common.message.OffsetDeleteResponseData;
import org.apache.kafka.common.message.OffsetDeleteResponseData.OffsetDeleteResponsePartition;
import org.apache.kafka.common.message.OffsetDeleteResponseData.OffsetDeleteResponsePartitionCollection;
import org.apache.kafka.common.message.OffsetDeleteResponseData.OffsetDeleteResponseTopic;
import org.apache.kafka.common.message.OffsetDeleteResponseData.OffsetDeleteResponseTopicCollection;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.resource.ResourceType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * OffsetDelete: the group id and topic names are prefixed. Kafka asks DELETE on the group, then READ on each topic; a
 * refused topic gets TOPIC_AUTHORIZATION_FAILED on each partition and is not sent. The topic collections are keyed by
 * name, so renamed topics go into new collections.
 */
final class OffsetDeleteMapper implements ApiMapper {

    @Override
    public Mapping map(ApiMessage request, short version, TenantContext tenant) {
        OffsetDeleteRequestData data = (OffsetDeleteRequestData) request;
        if (!tenant.authorized(AclOperation.DELETE, ResourceType.GROUP, data.groupId())) {
            return BrokerErrors.answer(request, version, Errors.GROUP_AUTHORIZATION_FAILED);
        }
        Map<String, String> logicalByPhysical = new HashMap<>();
        OffsetDeleteRequestTopicCollection forwarded = new OffsetDeleteRequestTopicCollection();
        List<OffsetDeleteResponseTopic> refused = new ArrayList<>();
        for (OffsetDeleteRequestTopic topic : data.topics()) {
            TopicResolution resolution = TopicResolution.byName(tenant, topic.name(), AclOperation.READ);
            if (resolution.refused()) {
                OffsetDeleteResponsePartitionCollection partitions = new OffsetDeleteResponsePartitionCollection();
                topic.partitions().forEach(partition -> partitions.add(new OffsetDeleteResponsePartition()
                        .setPartitionIndex(partition.partitionIndex()).setErrorCode(resolution.error().code())));
                refused.add(new OffsetDeleteResponseTopic().setName(topic.name()).setPartitions(partitions));
            } else {
                logicalByPhysical.put(resolution.physical(), topic.name());
                forwarded.add(topic.duplicate().setName(resolution.physical()));
            }
        }
        if (forwarded.isEmpty() && !refused.isEmpty()) {
            return BrokerErrors.answer(new OffsetDeleteResponseData().setTopics(collection(refused)));
        }
        data.setGroupId(tenant.names().physicalGroup(data.groupId())).setTopics(forwarded);
        return new Mapping.Forward(data, (response, responseVersion) -> {
            OffsetDeleteResponseData deleted = (OffsetDeleteResponseData) response;
            List<OffsetDeleteResponseTopic> topics = new ArrayList<>();
            for (OffsetDeleteResponseTopic topic : deleted.topics()) {
                String logical = logicalByPhysical.get(topic.name());
                if (logical != null) {
                    topics.add(topic.duplicate().setName(logical));
                }
            }
            topics.addAll(refused);
            return deleted.setTopics(collection(topics));
        });
    }

    private static OffsetDeleteResponseTopicCollection collection(List<OffsetDeleteResponseTopic> topics) {
        OffsetDeleteResponseTopicCollection collection = new OffsetDeleteResponseTopicCollection(topics.size());
        collection.addAll(topics);
        return collection;
    }
}
