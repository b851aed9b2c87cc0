package io.streamgate.core.vcluster.mapping;

import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.message.DescribeAclsRequestData;
import org.apache.kafka.common.message.DescribeAclsResponseData;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.ApiError;
import org.apache.kafka.common.requests.DescribeAclsResponse;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.apache.kafka.common.resource.ResourceType;

import java.util.concurrent.CompletableFuture;

/** DescribeAcls: the virtual cluster's bindings that match the filter, from the tenant's snapshot. */
final class DescribeAclsMapper implements ApiMapper {

    @Override
    public Mapping map(ApiMessage request, short version, TenantContext tenant) {
        DescribeAclsRequestData data = (DescribeAclsRequestData) request;
        DescribeAclsResponseData response = new DescribeAclsResponseData();
        ApiError refusal = AclApiMappers.refusal(tenant, AclOperation.DESCRIBE);
        AclBindingFilter filter = filter(data);
        if (refusal == null && filter.isUnknown()) {
            // Kafka refuses such a request when it parses it.
            refusal = new ApiError(Errors.INVALID_REQUEST, "The filter contains UNKNOWN elements: " + filter);
        }
        if (refusal != null) {
            response.setErrorCode(refusal.error().code()).setErrorMessage(refusal.message());
        } else {
            response.setResources(DescribeAclsResponse.aclsResources(tenant.tenant().acls().matching(filter)));
        }
        return new Mapping.Answer(CompletableFuture.completedFuture(response));
    }

    private static AclBindingFilter filter(DescribeAclsRequestData data) {
        return new AclBindingFilter(
                new ResourcePatternFilter(ResourceType.fromCode(data.resourceTypeFilter()), data.resourceNameFilter(),
                        PatternType.fromCode(data.patternTypeFilter())),
                new AccessControlEntryFilter(data.principalFilter(), data.hostFilter(),
                        AclOperation.fromCode(data.operation()), AclPermissionType.fromCode(data.permissionType())));
    }
}
