package io.streamgate.core.vcluster.mapping;

import io.streamgate.core.vcluster.TenantNamespace;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.message.ConsumerGroupDescribeRequestData;
import org.apache.kafka.common.message.ConsumerGroupDescribeResponseData;
import org.apache.kafka.common.message.ConsumerGroupDescribeResponseData.Assignment;
import org.apache.kafka.common.message.ConsumerGroupDescribeResponseData.DescribedGroup;
import org.apache.kafka.common.message.ConsumerGroupDescribeResponseData.Member;
import org.apache.kafka.common.message.ConsumerGroupDescribeResponseData.TopicPartitions;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.resource.ResourceType;

import java.util.ArrayList;
import java.util.List;

/**
 * ConsumerGroupDescribe (KIP-848): group ids are prefixed; Kafka asks DESCRIBE on each group. In the response, group
 * ids, the members' subscribed topic names and regexes and their assignments' topic names are un-prefixed; topics
 * that do not map back are left out. As Kafka does, a group whose members subscribe to or are assigned a topic the
 * principal may not describe is answered with TOPIC_AUTHORIZATION_FAILED instead of its members.
 */
final class ConsumerGroupDescribeMapper implements ApiMapper {

    @Override
    public Mapping map(ApiMessage request, short version, TenantContext tenant) {
        ConsumerGroupDescribeRequestData data = (ConsumerGroupDescribeRequestData) request;
        TenantNamespace names = tenant.names();
        List<String> forwarded = new ArrayList<>();
        List<DescribedGroup> refused = new ArrayList<>();
        for (String group : data.groupIds()) {
            if (tenant.authorized(AclOperation.DESCRIBE, ResourceType.GROUP, group)) {
                forwarded.add(names.physicalGroup(group));
            } else {
                refused.add(error(group, Errors.GROUP_AUTHORIZATION_FAILED));
            }
        }
        if (forwarded.isEmpty() && !refused.isEmpty()) {
            return BrokerErrors.answer(new ConsumerGroupDescribeResponseData().setGroups(refused));
        }
        data.setGroupIds(forwarded);
        return new Mapping.Forward(data, (response, responseVersion) -> {
            ConsumerGroupDescribeResponseData described = (ConsumerGroupDescribeResponseData) response;
            List<DescribedGroup> groups = new ArrayList<>(described.groups().size() + refused.size());
            for (DescribedGroup group : described.groups()) {
                String logical = names.logicalGroup(group.groupId());
                if (logical != null) {
                    groups.add(tenantView(group.setGroupId(logical), tenant));
                }
            }
            groups.addAll(refused);
            return described.setGroups(groups);
        });
    }

    private static DescribedGroup tenantView(DescribedGroup group, TenantContext tenant) {
        for (Member member : group.members()) {
            List<String> subscribed = new ArrayList<>();
            for (String physical : member.subscribedTopicNames()) {
                String logical = tenant.names().logicalTopic(physical);
                if (logical != null) {
                    subscribed.add(logical);
                }
            }
            member.setSubscribedTopicNames(subscribed);
            if (member.subscribedTopicRegex() != null) {
                member.setSubscribedTopicRegex(TenantRegex.logical(tenant.names().prefix(),
                        member.subscribedTopicRegex()));
            }
            member.setAssignment(tenantView(member.assignment(), tenant));
            member.setTargetAssignment(tenantView(member.targetAssignment(), tenant));
            boolean describable = subscribed.stream().allMatch(topic -> describable(tenant, topic))
                    && assignedDescribable(member.assignment(), tenant)
                    && assignedDescribable(member.targetAssignment(), tenant);
            if (!describable) {
                return error(group.groupId(), Errors.TOPIC_AUTHORIZATION_FAILED);
            }
        }
        if (group.authorizedOperations() != Integer.MIN_VALUE) {
            group.setAuthorizedOperations(GroupAuthorizedOperations.of(tenant, group.groupId()));
        }
        return group;
    }

    private static Assignment tenantView(Assignment assignment, TenantContext tenant) {
        List<TopicPartitions> topics = new ArrayList<>();
        for (TopicPartitions topic : assignment.topicPartitions()) {
            String logical = tenant.names().logicalTopic(topic.topicName());
            if (logical != null) {
                topics.add(topic.setTopicName(logical));
            }
        }
        return assignment.setTopicPartitions(topics);
    }

    private static boolean assignedDescribable(Assignment assignment, TenantContext tenant) {
        return assignment.topicPartitions().stream().allMatch(topic -> describable(tenant, topic.topicName()));
    }

    private static boolean describable(TenantContext tenant, String logicalTopic) {
        return tenant.authorized(AclOperation.DESCRIBE, ResourceType.TOPIC, logicalTopic);
    }

    private static DescribedGroup error(String logicalGroup, Errors error) {
        return new DescribedGroup().setGroupId(logicalGroup).setErrorCode(error.code())
                .setErrorMessage(error.message());
    }
}
