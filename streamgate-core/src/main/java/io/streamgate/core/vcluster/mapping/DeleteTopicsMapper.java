package io.streamgate.core.vcluster.mapping;

import io.streamgate.core.vcluster.TenantNamespace;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.message.DeleteTopicsRequestData;
import org.apache.kafka.common.message.DeleteTopicsRequestData.DeleteTopicState;
import org.apache.kafka.common.message.DeleteTopicsResponseData;
import org.apache.kafka.common.message.DeleteTopicsResponseData.DeletableTopicResult;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.ListIterator;

/**
 * DeleteTopics: by name up to v5, by name or id from v6. Each topic needs DELETE, must be writable and must be the
 * tenant's own: an alias is never deleted through a virtual cluster ({@link TopicAccess#CHANGES_TOPIC}). Denied
 * topics get {@code TOPIC_AUTHORIZATION_FAILED} (by id without a name, as a broker hides it); ids that are not the
 * tenant's get {@code UNKNOWN_TOPIC_ID}.
 */
final class DeleteTopicsMapper implements ApiMapper {

    private static final short FIRST_VERSION_BY_ID = 6;

    @Override
    public Collection<Uuid> topicIds(ApiMessage message, short version) {
        if (version < FIRST_VERSION_BY_ID) {
            return List.of();
        }
        List<Uuid> ids = new ArrayList<>();
        for (DeleteTopicState topic : ((DeleteTopicsRequestData) message).topics()) {
            if (topic.name() == null) {
                ids.add(topic.topicId());
            }
        }
        return ids;
    }

    @Override
    public Mapping map(ApiMessage message, short version, TenantContext tenant) {
        DeleteTopicsRequestData request = (DeleteTopicsRequestData) message;
        TenantNamespace names = tenant.names();
        List<DeletableTopicResult> refused = new ArrayList<>();
        for (ListIterator<String> topics = request.topicNames().listIterator(); topics.hasNext(); ) {
            String logical = topics.next();
            if (deletable(tenant, logical)) {
                topics.set(names.physicalTopic(logical));
            } else {
                topics.remove();
                refused.add(refusal(logical, Uuid.ZERO_UUID, Errors.TOPIC_AUTHORIZATION_FAILED));
            }
        }
        request.topics().removeIf(topic -> {
            if (topic.name() != null) {
                if (deletable(tenant, topic.name())) {
                    topic.setName(names.physicalTopic(topic.name()));
                    return false;
                }
                refused.add(refusal(topic.name(), topic.topicId(), Errors.TOPIC_AUTHORIZATION_FAILED));
                return true;
            }
            String logical = TopicIds.logicalTopic(tenant, topic.topicId());
            if (logical != null && deletable(tenant, logical)) {
                return false;
            }
            refused.add(refusal(null, topic.topicId(),
                    logical == null ? Errors.UNKNOWN_TOPIC_ID : Errors.TOPIC_AUTHORIZATION_FAILED));
            return true;
        });
        if (request.topicNames().isEmpty() && request.topics().isEmpty() && !refused.isEmpty()) {
            DeleteTopicsResponseData response = new DeleteTopicsResponseData();
            refused.forEach(response.responses()::add);
            return Answers.of(response);
        }
        return new Mapping.Forward(request, (response, responseVersion) -> {
            DeleteTopicsResponseData deleted = (DeleteTopicsResponseData) response;
            KeyedCollections.retainRenamed(deleted.responses(), topic -> {
                if (topic.name() == null) {
                    return true;
                }
                String logical = names.logicalTopic(topic.name());
                topic.setName(logical);
                return logical != null;
            });
            refused.forEach(deleted.responses()::add);
            return deleted;
        });
    }

    private static boolean deletable(TenantContext tenant, String logical) {
        return TopicAccess.CHANGES_TOPIC.permits(tenant, logical, AclOperation.DELETE);
    }

    private static DeletableTopicResult refusal(String name, Uuid topicId, Errors error) {
        return new DeletableTopicResult().setName(name).setTopicId(topicId).setErrorCode(error.code())
                .setErrorMessage(error.message());
    }
}
