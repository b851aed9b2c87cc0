package io.streamgate.plugins.headers.mask;

import io.streamgate.api.ConnectionInfo;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.FetchRequestData;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The fetch offset a client last asked for, per partition, on one connection. Incremental fetch sessions
 * (KIP-227) leave unchanged partitions out of requests while the broker still answers for them, so the
 * offsets are kept for the connection, not per request. A full fetch (new or no session) starts afresh.
 * Lives in {@link ConnectionInfo#attributes()}: confined to the connection's event loop, no locking.
 */
final class FetchPositions {

    private final Map<String, Long> offsets = new HashMap<>();

    /** The positions of {@code connection} for the interceptor named {@code interceptorName}. */
    static FetchPositions of(ConnectionInfo connection, String interceptorName) {
        return (FetchPositions) connection.attributes().computeIfAbsent(
                MaskFieldsPlugin.ID + "/" + interceptorName + "/fetch-positions", key -> new FetchPositions());
    }

    void remember(FetchRequestData request) {
        if (request.sessionEpoch() <= 0) {
            offsets.clear();
        }
        for (FetchRequestData.FetchTopic topic : request.topics()) {
            String key = topicKey(topic.topicId(), topic.topic());
            for (FetchRequestData.FetchPartition partition : topic.partitions()) {
                offsets.put(key + ':' + partition.partition(), partition.fetchOffset());
            }
        }
        for (FetchRequestData.ForgottenTopic topic : request.forgottenTopicsData()) {
            String key = topicKey(topic.topicId(), topic.topic());
            for (int partition : topic.partitions()) {
                offsets.remove(key + ':' + partition);
            }
        }
    }

    /**
     * The fetch offset of a partition, as the request named its topic: by id (Fetch v13+) or by name.
     */
    OptionalLong position(Uuid topicId, String topicName, int partition) {
        Long offset = offsets.get(topicKey(topicId, topicName) + ':' + partition);
        return offset == null ? OptionalLong.empty() : OptionalLong.of(offset);
    }

    private static String topicKey(Uuid topicId, String topicName) {
        return topicId != null && !Uuid.ZERO_UUID.equals(topicId) ? topicId.toString() : topicName;
    }
}
