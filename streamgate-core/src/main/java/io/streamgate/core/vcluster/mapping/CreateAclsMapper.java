package io.streamgate.core.vcluster.mapping;

import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.message.CreateAclsRequestData;
import org.apache.kafka.common.message.CreateAclsRequestData.AclCreation;
import org.apache.kafka.common.message.CreateAclsResponseData;
import org.apache.kafka.common.message.CreateAclsResponseData.AclCreationResult;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.ApiError;
import org.apache.kafka.common.requests.CreateAclsRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * CreateAcls: the valid creations are stored as the virtual cluster's bindings, and the answer waits for the store,
 * so that a client that sees success is enforced by every gateway instance. One result per creation, in order, as
 * Kafka answers: INVALID_REQUEST for a creation that fails validation, the store's error for the others if it fails.
 */
final class CreateAclsMapper implements ApiMapper {

    @Override
    public Mapping map(ApiMessage request, short version, TenantContext tenant) {
        List<AclCreation> creations = ((CreateAclsRequestData) request).creations();
        List<AclCreationResult> results = new ArrayList<>(creations.size());
        ApiError refusal = AclApiMappers.refusal(tenant, AclOperation.ALTER);
        if (refusal != null) {
            creations.forEach(creation -> results.add(failed(refusal)));
            return answer(results);
        }
        List<AclBinding> valid = new ArrayList<>(creations.size());
        List<AclCreationResult> validResults = new ArrayList<>(creations.size());
        for (AclCreation creation : creations) {
            String problem = NewAclValidation.problem(creation, tenant.tenant().name());
            if (problem != null) {
                results.add(failed(new ApiError(Errors.INVALID_REQUEST, problem)));
            } else {
                AclCreationResult result = new AclCreationResult();
                valid.add(CreateAclsRequest.aclBinding(creation));
                validResults.add(result);
                results.add(result);
            }
        }
        if (valid.isEmpty()) {
            return answer(results);
        }
        return new Mapping.Answer(tenant.directory().createAcls(tenant.tenant().name(), valid, tenant.principal())
                .handle((stored, failure) -> {
                    if (failure != null) {
                        ApiError error = AclApiMappers.storeFailure(failure);
                        validResults.forEach(result -> result.setErrorCode(error.error().code())
                                .setErrorMessage(error.message()));
                    }
                    return response(results);
                }));
    }

    private static AclCreationResult failed(ApiError error) {
        return new AclCreationResult().setErrorCode(error.error().code()).setErrorMessage(error.message());
    }

    private static Mapping answer(List<AclCreationResult> results) {
        return new Mapping.Answer(CompletableFuture.completedFuture(response(results)));
    }

    private static ApiMessage response(List<AclCreationResult> results) {
        return new CreateAclsResponseData().setResults(results);
    }
}
