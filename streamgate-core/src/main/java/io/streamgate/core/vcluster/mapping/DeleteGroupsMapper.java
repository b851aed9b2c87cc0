package io.streamgate.core.vcluster.mapping;

import io.streamgate.core.vcluster.TenantNamespace;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.message.DeleteGroupsRequestData;
import org.apache.kafka.common.message.DeleteGroupsResponseData;
import org.apache.kafka.common.message.DeleteGroupsResponseData.DeletableGroupResult;
import org.apache.kafka.common.message.DeleteGroupsResponseData.DeletableGroupResultCollection;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.resource.ResourceType;

import java.util.ArrayList;
import java.util.List;

/**
 * DeleteGroups: group ids are prefixed; Kafka asks DELETE on each group. The response's results, a collection keyed
 * by group id, are rebuilt with the logical ids.
 */
final class DeleteGroupsMapper implements ApiMapper {

    @Override
    public Mapping map(ApiMessage request, short version, TenantContext tenant) {
        DeleteGroupsRequestData data = (DeleteGroupsRequestData) request;
        TenantNamespace names = tenant.names();
        List<String> forwarded = new ArrayList<>();
        List<DeletableGroupResult> refused = new ArrayList<>();
        for (String group : data.groupsNames()) {
            if (tenant.authorized(AclOperation.DELETE, ResourceType.GROUP, group)) {
                forwarded.add(names.physicalGroup(group));
            } else {
                refused.add(new DeletableGroupResult().setGroupId(group)
                        .setErrorCode(Errors.GROUP_AUTHORIZATION_FAILED.code()));
            }
        }
        if (forwarded.isEmpty() && !refused.isEmpty()) {
            return BrokerErrors.answer(new DeleteGroupsResponseData().setResults(collection(refused)));
        }
        data.setGroupsNames(forwarded);
        return new Mapping.Forward(data, (response, responseVersion) -> {
            DeleteGroupsResponseData deleted = (DeleteGroupsResponseData) response;
            List<DeletableGroupResult> results = new ArrayList<>();
            for (DeletableGroupResult result : deleted.results()) {
                String logical = names.logicalGroup(result.groupId());
                if (logical != null) {
                    results.add(result.duplicate().setGroupId(logical));
                }
            }
            results.addAll(refused);
            return deleted.setResults(collection(results));
        });
    }

    private static DeletableGroupResultCollection collection(List<DeletableGroupResult> results) {
        DeletableGroupResultCollection collection = new DeletableGroupResultCollection(results.size());
        collection.addAll(results);
        return collection;
    }
}
