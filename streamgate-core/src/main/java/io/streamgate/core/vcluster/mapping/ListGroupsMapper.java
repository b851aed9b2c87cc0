package io.streamgate.core.vcluster.mapping;

import io.streamgate.core.vcluster.TenantNamespace;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.message.ListGroupsResponseData;
import org.apache.kafka.common.message.ListGroupsResponseData.ListedGroup;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.resource.ResourceType;

import java.util.ArrayList;
import java.util.List;

/**
 * ListGroups: the request (state and type filters) goes as it is; the response keeps only the tenant's groups,
 * un-prefixed. As Kafka does, a principal that may DESCRIBE the cluster sees every group, others only the groups they
 * may DESCRIBE.
 */
final class ListGroupsMapper implements ApiMapper {

    @Override
    public Mapping map(ApiMessage request, short version, TenantContext tenant) {
        TenantNamespace names = tenant.names();
        boolean describesCluster = tenant.authorized(AclOperation.DESCRIBE, ResourceType.CLUSTER,
                ClusterResource.NAME);
        return new Mapping.Forward(request, (response, responseVersion) -> {
            ListGroupsResponseData listed = (ListGroupsResponseData) response;
            List<ListedGroup> groups = new ArrayList<>();
            for (ListedGroup group : listed.groups()) {
                String logical = names.logicalGroup(group.groupId());
                if (logical != null && (describesCluster
                        || tenant.authorized(AclOperation.DESCRIBE, ResourceType.GROUP, logical))) {
                    groups.add(group.setGroupId(logical));
                }
            }
            return listed.setGroups(groups);
        });
    }
}
