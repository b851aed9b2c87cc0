package io.streamgate.core.vcluster.mapping;

import io.streamgate.core.vcluster.TenantNamespace;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.message.DescribeGroupsRequestData;
import org.apache.kafka.common.message.DescribeGroupsResponseData;
import org.apache.kafka.common.message.DescribeGroupsResponseData.DescribedGroup;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.DescribeGroupsResponse;
import org.apache.kafka.common.resource.ResourceType;

import java.util.ArrayList;
import java.util.List;

/**
 * DescribeGroups: group ids are prefixed; Kafka asks DESCRIBE on each group. The response's group ids are un-prefixed.
 * The members' metadata and assignment bytes are left as they are: they hold the logical topic names the members
 * wrote (see {@link GroupMembershipMapper}).
 */
final class DescribeGroupsMapper implements ApiMapper {

    @Override
    public Mapping map(ApiMessage request, short version, TenantContext tenant) {
        DescribeGroupsRequestData data = (DescribeGroupsRequestData) request;
        TenantNamespace names = tenant.names();
        List<String> forwarded = new ArrayList<>();
        List<DescribedGroup> refused = new ArrayList<>();
        for (String group : data.groups()) {
            if (tenant.authorized(AclOperation.DESCRIBE, ResourceType.GROUP, group)) {
                forwarded.add(names.physicalGroup(group));
            } else {
                refused.add(DescribeGroupsResponse.groupError(group, Errors.GROUP_AUTHORIZATION_FAILED));
            }
        }
        if (forwarded.isEmpty() && !refused.isEmpty()) {
            return BrokerErrors.answer(new DescribeGroupsResponseData().setGroups(refused));
        }
        data.setGroups(forwarded);
        return new Mapping.Forward(data, (response, responseVersion) -> {
            DescribeGroupsResponseData described = (DescribeGroupsResponseData) response;
            List<DescribedGroup> groups = new ArrayList<>(described.groups().size() + refused.size());
            for (DescribedGroup group : described.groups()) {
                String logical = names.logicalGroup(group.groupId());
                if (logical != null) {
                    if (group.authorizedOperations() != DescribeGroupsResponse.AUTHORIZED_OPERATIONS_OMITTED) {
                        group.setAuthorizedOperations(GroupAuthorizedOperations.of(tenant, logical));
                    }
                    groups.add(group.setGroupId(logical));
                }
            }
            groups.addAll(refused);
            return described.setGroups(groups);
        });
    }
}
