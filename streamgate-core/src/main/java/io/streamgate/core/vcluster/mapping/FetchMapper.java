package io.streamgate.core.vcluster.mapping;

import io.streamgate.core.vcluster.TenantNamespace;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.message.FetchRequestData;
import org.apache.kafka.common.message.FetchRequestData.FetchPartition;
import org.apache.kafka.common.message.FetchRequestData.FetchTopic;
import org.apache.kafka.common.message.FetchRequestData.ForgottenTopic;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.message.FetchResponseData.FetchableTopicResponse;
import org.apache.kafka.common.message.FetchResponseData.PartitionData;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.internal.MemoryRecords;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Fetch: topics (and forgotten topics) by name up to v12, by id from v13. Each topic needs READ; a denied one gets
 * {@code TOPIC_AUTHORIZATION_FAILED} per partition, an id that is not the tenant's {@code UNKNOWN_TOPIC_ID}.
 *
 * <p>A fetch session carries only the changes of each request, in the physical names or ids the broker was sent; a
 * held-back partition never enters the broker's session, so its error is answered once, when the client adds it. A
 * request with a session is always forwarded, even with nothing left, so that the broker's session epoch keeps step
 * with the client's. By id, a response names no topic: when nothing was held back it passes
 * {@link ResponseMapper#UNCHANGED}, so the gateway may leave it undecoded; and the request itself, then unchanged, may
 * go as the client's bytes.
 */
final class FetchMapper implements ApiMapper {

    private static final short FIRST_VERSION_BY_ID = 13;
    /** What a partition's offsets read in a fetch error. */
    private static final long UNKNOWN_OFFSET = -1;

    @Override
    public Collection<Uuid> topicIds(ApiMessage message, short version) {
        if (version < FIRST_VERSION_BY_ID) {
            return List.of();
        }
        FetchRequestData request = (FetchRequestData) message;
        List<Uuid> ids = new ArrayList<>();
        request.topics().forEach(topic -> ids.add(topic.topicId()));
        request.forgottenTopicsData().forEach(topic -> ids.add(topic.topicId()));
        return ids;
    }

    @Override
    public Mapping map(ApiMessage message, short version, TenantContext tenant) {
        FetchRequestData request = (FetchRequestData) message;
        if (request.sessionId() != 0 && !tenant.ownsFetchSession(request.sessionId())) {
            // another tenant's session, or one this gateway does not know: the client starts a new one
            return Answers.of(new FetchResponseData().setErrorCode(Errors.FETCH_SESSION_ID_NOT_FOUND.code())
                    .setSessionId(0));
        }
        TenantNamespace names = tenant.names();
        boolean byId = version >= FIRST_VERSION_BY_ID;
        List<FetchableTopicResponse> refused = new ArrayList<>();
        request.topics().removeIf(topic -> {
            Errors error = refusal(tenant, topic, byId);
            if (error != Errors.NONE) {
                refused.add(refusal(topic, error));
                return true;
            }
            if (!byId) {
                topic.setTopic(names.physicalTopic(topic.topic()));
            }
            return false;
        });
        int forgotten = request.forgottenTopicsData().size();
        request.forgottenTopicsData().removeIf(topic -> forget(tenant, topic, byId));
        if (request.topics().isEmpty() && request.forgottenTopicsData().isEmpty() && !refused.isEmpty()
                && request.sessionId() == 0) {
            FetchResponseData response = new FetchResponseData();
            response.responses().addAll(refused);
            return Answers.of(response);
        }
        if (byId && refused.isEmpty()) {
            return request.forgottenTopicsData().size() == forgotten ? new Mapping.Unchanged(ResponseMapper.UNCHANGED)
                    : new Mapping.Forward(request, ResponseMapper.UNCHANGED);
        }
        return new Mapping.Forward(request, (response, responseVersion) -> {
            FetchResponseData fetched = (FetchResponseData) response;
            if (!byId) {
                fetched.responses().removeIf(topic -> {
                    String logical = names.logicalTopic(topic.topic());
                    topic.setTopic(logical);
                    return logical == null;
                });
            }
            fetched.responses().addAll(refused);
            return fetched;
        });
    }

    private static Errors refusal(TenantContext tenant, FetchTopic topic, boolean byId) {
        String logical = byId ? TopicIds.logicalTopic(tenant, topic.topicId()) : topic.topic();
        if (logical == null) {
            return Errors.UNKNOWN_TOPIC_ID;
        }
        return TopicAccess.READS.permits(tenant, logical, AclOperation.READ) ? Errors.NONE
                : Errors.TOPIC_AUTHORIZATION_FAILED;
    }

    /** Maps a forgotten topic; true when it is not the tenant's, so the broker never had it in the session. */
    private static boolean forget(TenantContext tenant, ForgottenTopic topic, boolean byId) {
        if (byId) {
            return TopicIds.logicalTopic(tenant, topic.topicId()) == null;
        }
        topic.setTopic(tenant.names().physicalTopic(topic.topic()));
        return false;
    }

    private static FetchableTopicResponse refusal(FetchTopic topic, Errors error) {
        FetchableTopicResponse response = new FetchableTopicResponse().setTopic(topic.topic())
                .setTopicId(topic.topicId());
        for (FetchPartition partition : topic.partitions()) {
            response.partitions().add(new PartitionData().setPartitionIndex(partition.partition())
                    .setErrorCode(error.code()).setHighWatermark(UNKNOWN_OFFSET)
                    .setLastStableOffset(UNKNOWN_OFFSET).setLogStartOffset(UNKNOWN_OFFSET)
                    .setRecords(MemoryRecords.EMPTY));
        }
        return response;
    }
}
