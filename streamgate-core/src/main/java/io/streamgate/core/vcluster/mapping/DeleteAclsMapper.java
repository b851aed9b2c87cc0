package io.streamgate.core.vcluster.mapping;

import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.message.DeleteAclsRequestData;
import org.apache.kafka.common.message.DeleteAclsRequestData.DeleteAclsFilter;
import org.apache.kafka.common.message.DeleteAclsResponseData;
import org.apache.kafka.common.message.DeleteAclsResponseData.DeleteAclsFilterResult;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.ApiError;
import org.apache.kafka.common.requests.DeleteAclsResponse;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.apache.kafka.common.resource.ResourceType;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * DeleteAcls: each filter deletes the virtual cluster's matching bindings from the store, and its result lists them,
 * as Kafka's does. The filters run one after the other, in request order, so that a binding two filters match is
 * deleted by (and listed under) the first.
 */
final class DeleteAclsMapper implements ApiMapper {

    @Override
    public Mapping map(ApiMessage request, short version, TenantContext tenant) {
        List<DeleteAclsFilter> filters = ((DeleteAclsRequestData) request).filters();
        List<DeleteAclsFilterResult> results = new ArrayList<>(filters.size());
        ApiError refusal = AclApiMappers.refusal(tenant, AclOperation.ALTER);
        CompletionStage<Void> deletions = CompletableFuture.completedFuture(null);
        for (DeleteAclsFilter wire : filters) {
            DeleteAclsFilterResult result = new DeleteAclsFilterResult();
            results.add(result);
            AclBindingFilter filter = filter(wire);
            ApiError error = refusal != null ? refusal : invalidity(filter);
            if (error != null) {
                result.setErrorCode(error.error().code()).setErrorMessage(error.message());
            } else {
                deletions = deletions.thenCompose(previous -> tenant.directory()
                        .deleteAcls(tenant.tenant().name(), filter, tenant.principal())
                        .handle((deleted, failure) -> {
                            record(result, deleted, failure);
                            return null;
                        }));
            }
        }
        return new Mapping.Answer(deletions.thenApply(done -> new DeleteAclsResponseData().setFilterResults(results)));
    }

    private static void record(DeleteAclsFilterResult result, List<AclBinding> deleted, Throwable failure) {
        if (failure != null) {
            ApiError error = AclApiMappers.storeFailure(failure);
            result.setErrorCode(error.error().code()).setErrorMessage(error.message());
            return;
        }
        for (AclBinding binding : deleted) {
            result.matchingAcls().add(DeleteAclsResponse.matchingAcl(binding, ApiError.NONE));
        }
    }

    /** As Kafka's controller checks a deletion filter. */
    private static ApiError invalidity(AclBindingFilter filter) {
        if (filter.patternFilter().isUnknown()) {
            return new ApiError(Errors.INVALID_REQUEST, "Unknown patternFilter.");
        }
        if (filter.entryFilter().isUnknown()) {
            return new ApiError(Errors.INVALID_REQUEST, "Unknown entryFilter.");
        }
        return null;
    }

    private static AclBindingFilter filter(DeleteAclsFilter wire) {
        return new AclBindingFilter(
                new ResourcePatternFilter(ResourceType.fromCode(wire.resourceTypeFilter()), wire.resourceNameFilter(),
                        PatternType.fromCode(wire.patternTypeFilter())),
                new AccessControlEntryFilter(wire.principalFilter(), wire.hostFilter(),
                        AclOperation.fromCode(wire.operation()), AclPermissionType.fromCode(wire.permissionType())));
    }
}
