package io.streamgate.core.vcluster.mapping;

import io.streamgate.core.vcluster.TenantNamespace;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.message.DescribeConfigsRequestData;
import org.apache.kafka.common.message.DescribeConfigsResponseData;
import org.apache.kafka.common.message.DescribeConfigsResponseData.DescribeConfigsResult;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;

import java.util.ArrayList;
import java.util.List;

/** DescribeConfigs of topics and groups, which need DESCRIBE_CONFIGS; see {@link ConfigResources}. */
final class DescribeConfigsMapper implements ApiMapper {

    @Override
    public Mapping map(ApiMessage message, short version, TenantContext tenant) {
        DescribeConfigsRequestData request = (DescribeConfigsRequestData) message;
        TenantNamespace names = tenant.names();
        List<DescribeConfigsResult> refused = new ArrayList<>();
        request.resources().removeIf(resource -> {
            Errors error = ConfigResources.refusal(tenant, resource.resourceType(), resource.resourceName(),
                    AclOperation.DESCRIBE_CONFIGS);
            if (error != Errors.NONE) {
                refused.add(new DescribeConfigsResult().setErrorCode(error.code()).setErrorMessage(error.message())
                        .setResourceType(resource.resourceType()).setResourceName(resource.resourceName()));
                return true;
            }
            resource.setResourceName(ConfigResources.physicalName(names, resource.resourceType(),
                    resource.resourceName()));
            return false;
        });
        if (request.resources().isEmpty() && !refused.isEmpty()) {
            return Answers.of(new DescribeConfigsResponseData().setResults(refused));
        }
        return new Mapping.Forward(request, (response, responseVersion) -> {
            DescribeConfigsResponseData described = (DescribeConfigsResponseData) response;
            described.results().removeIf(result -> {
                String logical = ConfigResources.logicalName(names, result.resourceType(), result.resourceName());
                result.setResourceName(logical);
                return logical == null;
            });
            described.results().addAll(refused);
            return described;
        });
    }
}
