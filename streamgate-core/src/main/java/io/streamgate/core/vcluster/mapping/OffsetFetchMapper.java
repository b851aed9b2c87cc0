package io.streamgate.core.vcluster.mapping;

import io.streamgate.core.vcluster.TenantNamespace;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.message.OffsetFetchRequestData;
import org.apache.kafka.common.message.OffsetFetchRequestData.OffsetFetchRequestGroup;
import org.apache.kafka.common.message.OffsetFetchRequestData.OffsetFetchRequestTopic;
import org.apache.kafka.common.message.OffsetFetchRequestData.OffsetFetchRequestTopics;
import org.apache.kafka.common.message.OffsetFetchResponseData;
import org.apache.kafka.common.message.OffsetFetchResponseData.OffsetFetchResponseGroup;
import org.apache.kafka.common.message.OffsetFetchResponseData.OffsetFetchResponsePartition;
import org.apache.kafka.common.message.OffsetFetchResponseData.OffsetFetchResponsePartitions;
import org.apache.kafka.common.message.OffsetFetchResponseData.OffsetFetchResponseTopic;
import org.apache.kafka.common.message.OffsetFetchResponseData.OffsetFetchResponseTopics;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.OffsetFetchResponse;
import org.apache.kafka.common.resource.ResourceType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * OffsetFetch, single-group (v1-7) and multi-group (v8+): group ids and topic names are prefixed, topic ids (v10)
 * checked. Kafka asks DESCRIBE on the group, then DESCRIBE on each topic: a refused topic gets its error on each
 * partition. When the client asks for all the group's topics (null), the response keeps only the topics that map
 * back to the tenant and that it may describe, as Kafka filters them.
 *
 * <p>For v10 with all topics, the response's topic ids are resolved with {@link TenantContext#physicalTopicName}: an id
 * the context cannot name is left out.
 */
final class OffsetFetchMapper implements ApiMapper {

    private static final short FIRST_MULTI_GROUP_VERSION = 8;
    private static final short FIRST_TOPIC_ID_VERSION = 10;

    @Override
    public Collection<Uuid> topicIds(ApiMessage request, short version) {
        if (version < FIRST_TOPIC_ID_VERSION) {
            return List.of();
        }
        return ((OffsetFetchRequestData) request).groups().stream().map(OffsetFetchRequestGroup::topics)
                .filter(Objects::nonNull).flatMap(List::stream).map(OffsetFetchRequestTopics::topicId).toList();
    }

    @Override
    public Mapping map(ApiMessage request, short version, TenantContext tenant) {
        return version < FIRST_MULTI_GROUP_VERSION ? mapSingleGroup((OffsetFetchRequestData) request, version, tenant)
                : mapGroups((OffsetFetchRequestData) request, version, tenant);
    }

    private static Mapping mapSingleGroup(OffsetFetchRequestData data, short version, TenantContext tenant) {
        if (!tenant.authorized(AclOperation.DESCRIBE, ResourceType.GROUP, data.groupId())) {
            return BrokerErrors.answer(data, version, Errors.GROUP_AUTHORIZATION_FAILED);
        }
        TenantNamespace names = tenant.names();
        data.setGroupId(names.physicalGroup(data.groupId()));
        if (data.topics() == null) {
            return new Mapping.Forward(data, (response, responseVersion) -> {
                OffsetFetchResponseData fetched = (OffsetFetchResponseData) response;
                List<OffsetFetchResponseTopic> topics = new ArrayList<>();
                for (OffsetFetchResponseTopic topic : fetched.topics()) {
                    String logical = names.logicalTopic(topic.name());
                    if (logical != null && tenant.authorized(AclOperation.DESCRIBE, ResourceType.TOPIC, logical)) {
                        topics.add(topic.setName(logical));
                    }
                }
                return fetched.setTopics(topics);
            });
        }
        Map<String, String> logicalByPhysical = new HashMap<>();
        List<OffsetFetchRequestTopic> forwarded = new ArrayList<>();
        List<OffsetFetchResponseTopic> refused = new ArrayList<>();
        for (OffsetFetchRequestTopic topic : data.topics()) {
            TopicResolution resolution = TopicResolution.byName(tenant, topic.name(), AclOperation.DESCRIBE);
            if (resolution.refused()) {
                refused.add(new OffsetFetchResponseTopic().setName(topic.name()).setPartitions(
                        new ArrayList<>(topic.partitionIndexes().stream()
                                .map(index -> refusedPartition(index, resolution.error())).toList())));
            } else {
                logicalByPhysical.put(resolution.physical(), topic.name());
                forwarded.add(topic.setName(resolution.physical()));
            }
        }
        if (forwarded.isEmpty() && !refused.isEmpty()) {
            return BrokerErrors.answer(new OffsetFetchResponseData().setTopics(refused));
        }
        data.setTopics(forwarded);
        return new Mapping.Forward(data, (response, responseVersion) -> {
            OffsetFetchResponseData fetched = (OffsetFetchResponseData) response;
            List<OffsetFetchResponseTopic> topics = new ArrayList<>(fetched.topics().size() + refused.size());
            for (OffsetFetchResponseTopic topic : fetched.topics()) {
                String logical = logicalByPhysical.get(topic.name());
                if (logical != null) {
                    topics.add(topic.setName(logical));
                }
            }
            topics.addAll(refused);
            return fetched.setTopics(topics);
        });
    }

    /** One group of a multi-group request as the tenant asked for it. */
    private record GroupRequest(String logicalGroup, boolean allTopics, Map<String, String> logicalByPhysical,
                                List<OffsetFetchResponseTopics> refusedTopics) {
    }

    private static Mapping mapGroups(OffsetFetchRequestData data, short version, TenantContext tenant) {
        TenantNamespace names = tenant.names();
        boolean byId = version >= FIRST_TOPIC_ID_VERSION;
        Map<String, GroupRequest> requestsByPhysicalGroup = new HashMap<>();
        List<OffsetFetchRequestGroup> forwarded = new ArrayList<>();
        List<OffsetFetchResponseGroup> refused = new ArrayList<>();
        for (OffsetFetchRequestGroup group : data.groups()) {
            if (!tenant.authorized(AclOperation.DESCRIBE, ResourceType.GROUP, group.groupId())) {
                refused.add(OffsetFetchResponse.groupError(group, Errors.GROUP_AUTHORIZATION_FAILED, version));
                continue;
            }
            GroupRequest groupRequest = new GroupRequest(group.groupId(), group.topics() == null, new HashMap<>(),
                    new ArrayList<>());
            if (group.topics() != null) {
                List<OffsetFetchRequestTopics> topics = new ArrayList<>();
                for (OffsetFetchRequestTopics topic : group.topics()) {
                    TopicResolution resolution = byId
                            ? TopicResolution.byId(tenant, topic.topicId(), AclOperation.DESCRIBE)
                            : TopicResolution.byName(tenant, topic.name(), AclOperation.DESCRIBE);
                    if (resolution.refused()) {
                        groupRequest.refusedTopics().add(new OffsetFetchResponseTopics().setName(topic.name())
                                .setTopicId(topic.topicId()).setPartitions(new ArrayList<>(
                                        topic.partitionIndexes().stream()
                                                .map(index -> refusedPartitions(index, resolution.error())).toList())));
                    } else {
                        if (!byId) {
                            groupRequest.logicalByPhysical().put(resolution.physical(), topic.name());
                            topic.setName(resolution.physical());
                        }
                        topics.add(topic);
                    }
                }
                group.setTopics(topics);
            }
            String physicalGroup = names.physicalGroup(group.groupId());
            requestsByPhysicalGroup.put(physicalGroup, groupRequest);
            forwarded.add(group.setGroupId(physicalGroup));
        }
        if (forwarded.isEmpty() && !refused.isEmpty()) {
            return BrokerErrors.answer(new OffsetFetchResponseData().setGroups(refused));
        }
        data.setGroups(forwarded);
        return new Mapping.Forward(data, (response, responseVersion) -> {
            OffsetFetchResponseData fetched = (OffsetFetchResponseData) response;
            List<OffsetFetchResponseGroup> groups = new ArrayList<>(fetched.groups().size() + refused.size());
            for (OffsetFetchResponseGroup group : fetched.groups()) {
                GroupRequest groupRequest = requestsByPhysicalGroup.get(group.groupId());
                if (groupRequest != null) {
                    groups.add(group.setGroupId(groupRequest.logicalGroup())
                            .setTopics(tenantTopics(group.topics(), groupRequest, byId, tenant)));
                }
            }
            groups.addAll(refused);
            return fetched.setGroups(groups);
        });
    }

    private static List<OffsetFetchResponseTopics> tenantTopics(List<OffsetFetchResponseTopics> fetched,
                                                                GroupRequest groupRequest, boolean byId,
                                                                TenantContext tenant) {
        List<OffsetFetchResponseTopics> topics = new ArrayList<>(fetched.size() + groupRequest.refusedTopics().size());
        for (OffsetFetchResponseTopics topic : fetched) {
            if (groupRequest.allTopics()) {
                String physical = byId ? tenant.physicalTopicName(topic.topicId()) : topic.name();
                String logical = physical == null ? null : tenant.names().logicalTopic(physical);
                if (logical != null && tenant.authorized(AclOperation.DESCRIBE, ResourceType.TOPIC, logical)) {
                    topics.add(byId ? topic : topic.setName(logical));
                }
            } else if (byId) {
                topics.add(topic);
            } else if (groupRequest.logicalByPhysical().containsKey(topic.name())) {
                topics.add(topic.setName(groupRequest.logicalByPhysical().get(topic.name())));
            }
        }
        topics.addAll(groupRequest.refusedTopics());
        return topics;
    }

    private static OffsetFetchResponsePartition refusedPartition(int index, Errors error) {
        return new OffsetFetchResponsePartition().setPartitionIndex(index)
                .setCommittedOffset(OffsetFetchResponse.INVALID_OFFSET).setCommittedLeaderEpoch(-1)
                .setMetadata(OffsetFetchResponse.NO_METADATA).setErrorCode(error.code());
    }

    private static OffsetFetchResponsePartitions refusedPartitions(int index, Errors error) {
        return new OffsetFetchResponsePartitions().setPartitionIndex(index)
                .setCommittedOffset(OffsetFetchResponse.INVALID_OFFSET).setCommittedLeaderEpoch(-1)
                .setMetadata(OffsetFetchResponse.NO_METADATA).setErrorCode(error.code());
    }
}
