package io.streamgate.core.vcluster.mapping;

import io.streamgate.core.vcluster.TenantNamespace;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.message.CreatePartitionsRequestData;
import org.apache.kafka.common.message.CreatePartitionsResponseData;
import org.apache.kafka.common.message.CreatePartitionsResponseData.CreatePartitionsTopicResult;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;

import java.util.ArrayList;
import java.util.List;

/**
 * CreatePartitions (validateOnly too): each topic needs ALTER, must be writable and must be the tenant's own: an
 * alias's partitions are never added through a virtual cluster ({@link TopicAccess#CHANGES_TOPIC}).
 */
final class CreatePartitionsMapper implements ApiMapper {

    @Override
    public Mapping map(ApiMessage message, short version, TenantContext tenant) {
        CreatePartitionsRequestData request = (CreatePartitionsRequestData) message;
        TenantNamespace names = tenant.names();
        List<CreatePartitionsTopicResult> refused = new ArrayList<>();
        KeyedCollections.retainRenamed(request.topics(), topic -> {
            if (!TopicAccess.CHANGES_TOPIC.permits(tenant, topic.name(), AclOperation.ALTER)) {
                refused.add(new CreatePartitionsTopicResult().setName(topic.name())
                        .setErrorCode(Errors.TOPIC_AUTHORIZATION_FAILED.code())
                        .setErrorMessage(Errors.TOPIC_AUTHORIZATION_FAILED.message()));
                return false;
            }
            topic.setName(names.physicalTopic(topic.name()));
            return true;
        });
        if (request.topics().isEmpty() && !refused.isEmpty()) {
            return Answers.of(new CreatePartitionsResponseData().setResults(refused));
        }
        return new Mapping.Forward(request, (response, responseVersion) -> {
            CreatePartitionsResponseData created = (CreatePartitionsResponseData) response;
            created.results().removeIf(topic -> {
                String logical = names.logicalTopic(topic.name());
                topic.setName(logical);
                return logical == null;
            });
            created.results().addAll(refused);
            return created;
        });
    }
}
