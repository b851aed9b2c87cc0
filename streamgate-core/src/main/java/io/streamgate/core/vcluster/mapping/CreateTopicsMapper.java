package io.streamgate.core.vcluster.mapping;

import io.streamgate.core.vcluster.TenantNamespace;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.message.CreateTopicsRequestData;
import org.apache.kafka.common.message.CreateTopicsResponseData;
import org.apache.kafka.common.message.CreateTopicsResponseData.CreatableTopicResult;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.resource.Resource;
import org.apache.kafka.common.resource.ResourceType;

import java.util.ArrayList;
import java.util.List;

/**
 * CreateTopics (validateOnly too): each topic needs CREATE on the cluster or on the topic, in a virtual cluster that
 * is not read-only; otherwise {@code TOPIC_AUTHORIZATION_FAILED}. An alias's name gets {@code TOPIC_ALREADY_EXISTS}
 * without reaching the broker: the alias exists in the tenant's view, and its physical topic, someone else's, must
 * never be created through it. From v5 a created topic's configuration is returned only with DESCRIBE_CONFIGS on it,
 * as a broker does.
 */
final class CreateTopicsMapper implements ApiMapper {

    private static final short FIRST_VERSION_WITH_CONFIGS = 5;

    @Override
    public Mapping map(ApiMessage message, short version, TenantContext tenant) {
        CreateTopicsRequestData request = (CreateTopicsRequestData) message;
        TenantNamespace names = tenant.names();
        boolean mayCreateAny = tenant.authorized(AclOperation.CREATE, ResourceType.CLUSTER, Resource.CLUSTER_NAME);
        List<CreatableTopicResult> refused = new ArrayList<>();
        KeyedCollections.retainRenamed(request.topics(), topic -> {
            Errors error = refusal(tenant, topic.name(), mayCreateAny);
            if (error != Errors.NONE) {
                refused.add(new CreatableTopicResult().setName(topic.name()).setErrorCode(error.code())
                        .setErrorMessage(error.message()));
                return false;
            }
            topic.setName(names.physicalTopic(topic.name()));
            return true;
        });
        if (request.topics().isEmpty() && !refused.isEmpty()) {
            CreateTopicsResponseData response = new CreateTopicsResponseData();
            refused.forEach(response.topics()::add);
            return Answers.of(response);
        }
        return new Mapping.Forward(request, (response, responseVersion) -> {
            CreateTopicsResponseData created = (CreateTopicsResponseData) response;
            KeyedCollections.retainRenamed(created.topics(), topic -> {
                String logical = names.logicalTopic(topic.name());
                if (logical == null) {
                    return false;
                }
                topic.setName(logical);
                if (responseVersion >= FIRST_VERSION_WITH_CONFIGS
                        && !tenant.authorized(AclOperation.DESCRIBE_CONFIGS, ResourceType.TOPIC, logical)) {
                    topic.setConfigs(List.of()).setTopicConfigErrorCode(Errors.TOPIC_AUTHORIZATION_FAILED.code());
                }
                return true;
            });
            refused.forEach(created.topics()::add);
            return created;
        });
    }

    private static Errors refusal(TenantContext tenant, String logical, boolean mayCreateAny) {
        if (tenant.readOnly()
                || !mayCreateAny && !tenant.authorized(AclOperation.CREATE, ResourceType.TOPIC, logical)) {
            return Errors.TOPIC_AUTHORIZATION_FAILED;
        }
        return tenant.names().alias(logical) != null ? Errors.TOPIC_ALREADY_EXISTS : Errors.NONE;
    }
}
