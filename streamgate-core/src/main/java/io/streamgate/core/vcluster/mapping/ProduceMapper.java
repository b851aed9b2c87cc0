package io.streamgate.core.vcluster.mapping;

import io.streamgate.core.vcluster.TenantNamespace;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.message.ProduceRequestData.PartitionProduceData;
import org.apache.kafka.common.message.ProduceRequestData.TopicProduceData;
import org.apache.kafka.common.message.ProduceResponseData;
import org.apache.kafka.common.message.ProduceResponseData.PartitionProduceResponse;
import org.apache.kafka.common.message.ProduceResponseData.TopicProduceResponse;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.resource.ResourceType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Produce: topics by name up to v12, by id from v13. The transactional id is prefixed and needs WRITE on it; each
 * topic needs WRITE and must be writable. What is held back gets per-partition errors:
 * {@code TRANSACTIONAL_ID_AUTHORIZATION_FAILED} for every partition when the transactional id is denied,
 * {@code TOPIC_AUTHORIZATION_FAILED} for a denied or read-only topic, {@code UNKNOWN_TOPIC_ID} for an id that is not
 * the tenant's.
 *
 * <p>An acks=0 produce gets no response: its held-back records are dropped unanswered, and when nothing is left the
 * request still goes to the broker, emptied and without transactional id, so that nothing answers it (a broker would
 * close the connection instead; the gateway keeps it).
 */
final class ProduceMapper implements ApiMapper {

    private static final short FIRST_VERSION_BY_ID = 13;

    @Override
    public Collection<Uuid> topicIds(ApiMessage request, short version) {
        if (version < FIRST_VERSION_BY_ID) {
            return List.of();
        }
        List<Uuid> ids = new ArrayList<>();
        for (TopicProduceData topic : ((ProduceRequestData) request).topicData()) {
            ids.add(topic.topicId());
        }
        return ids;
    }

    @Override
    public Mapping map(ApiMessage message, short version, TenantContext tenant) {
        ProduceRequestData request = (ProduceRequestData) message;
        TenantNamespace names = tenant.names();
        boolean byId = version >= FIRST_VERSION_BY_ID;
        String transactionalId = request.transactionalId();
        Errors transactionError = Errors.NONE;
        if (transactionalId != null) {
            if (tenant.authorized(AclOperation.WRITE, ResourceType.TRANSACTIONAL_ID, transactionalId)) {
                request.setTransactionalId(names.physicalTransactionalId(transactionalId));
            } else {
                transactionError = Errors.TRANSACTIONAL_ID_AUTHORIZATION_FAILED;
            }
        }
        List<TopicProduceResponse> refused = new ArrayList<>();
        Errors denied = transactionError;
        KeyedCollections.retainRenamed(request.topicData(), topic -> {
            Errors error = denied != Errors.NONE ? denied : topicRefusal(tenant, topic, byId);
            if (error != Errors.NONE) {
                refused.add(refusal(topic, error));
                return false;
            }
            if (!byId) {
                topic.setName(names.physicalTopic(topic.name()));
            }
            return true;
        });
        if (request.topicData().isEmpty() && !refused.isEmpty()) {
            if (request.acks() != 0) {
                ProduceResponseData response = new ProduceResponseData();
                refused.forEach(response.responses()::add);
                return Answers.of(response);
            }
            request.setTransactionalId(null);
        }
        // Even by topic id the response is decoded: a broker's record errors may name the physical topic.
        ResponseMapper response = (broker, responseVersion) -> {
            ProduceResponseData produced = (ProduceResponseData) broker;
            if (!byId) {
                KeyedCollections.retainRenamed(produced.responses(), topic -> {
                    String logical = names.logicalTopic(topic.name());
                    topic.setName(logical);
                    return logical != null;
                });
            }
            refused.forEach(produced.responses()::add);
            return produced;
        };
        if (byId && transactionalId == null && refused.isEmpty()) {
            return new Mapping.Unchanged(response); // the records need not be copied into a new request
        }
        return new Mapping.Forward(request, response);
    }

    private static Errors topicRefusal(TenantContext tenant, TopicProduceData topic, boolean byId) {
        String logical = byId ? TopicIds.logicalTopic(tenant, topic.topicId()) : topic.name();
        if (logical == null) {
            return Errors.UNKNOWN_TOPIC_ID;
        }
        return TopicAccess.WRITES_RECORDS.permits(tenant, logical, AclOperation.WRITE) ? Errors.NONE
                : Errors.TOPIC_AUTHORIZATION_FAILED;
    }

    private static TopicProduceResponse refusal(TopicProduceData topic, Errors error) {
        TopicProduceResponse response = new TopicProduceResponse().setName(topic.name()).setTopicId(topic.topicId());
        for (PartitionProduceData partition : topic.partitionData()) {
            response.partitionResponses().add(new PartitionProduceResponse().setIndex(partition.index())
                    .setErrorCode(error.code()).setBaseOffset(-1));
        }
        return response;
    }
}
