package io.streamgate.core.vcluster.mapping;

import io.streamgate.core.vcluster.TenantNamespace;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.message.IncrementalAlterConfigsRequestData;
import org.apache.kafka.common.message.IncrementalAlterConfigsResponseData;
import org.apache.kafka.common.message.IncrementalAlterConfigsResponseData.AlterConfigsResourceResponse;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;

import java.util.ArrayList;
import java.util.List;

/** IncrementalAlterConfigs of topics and groups, which need ALTER_CONFIGS; see {@link ConfigResources}. */
final class IncrementalAlterConfigsMapper implements ApiMapper {

    @Override
    public Mapping map(ApiMessage message, short version, TenantContext tenant) {
        IncrementalAlterConfigsRequestData request = (IncrementalAlterConfigsRequestData) message;
        TenantNamespace names = tenant.names();
        List<AlterConfigsResourceResponse> refused = new ArrayList<>();
        KeyedCollections.retainRenamed(request.resources(), resource -> {
            Errors error = ConfigResources.refusal(tenant, resource.resourceType(), resource.resourceName(),
                    AclOperation.ALTER_CONFIGS);
            if (error != Errors.NONE) {
                refused.add(new AlterConfigsResourceResponse().setErrorCode(error.code())
                        .setErrorMessage(error.message()).setResourceType(resource.resourceType())
                        .setResourceName(resource.resourceName()));
                return false;
            }
            resource.setResourceName(ConfigResources.physicalName(names, resource.resourceType(),
                    resource.resourceName()));
            return true;
        });
        if (request.resources().isEmpty() && !refused.isEmpty()) {
            return Answers.of(new IncrementalAlterConfigsResponseData().setResponses(refused));
        }
        return new Mapping.Forward(request, (response, responseVersion) -> {
            IncrementalAlterConfigsResponseData altered = (IncrementalAlterConfigsResponseData) response;
            altered.responses().removeIf(result -> {
                String logical = ConfigResources.logicalName(names, result.resourceType(), result.resourceName());
                result.setResourceName(logical);
                return logical == null;
            });
            altered.responses().addAll(refused);
            return altered;
        });
    }
}
