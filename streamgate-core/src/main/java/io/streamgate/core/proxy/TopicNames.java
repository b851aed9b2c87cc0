package io.streamgate.core.proxy;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.MetadataResponseData;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Topic names by topic id, learned from every Metadata response the gateway decodes. Recent Produce and
 * Fetch versions name topics by id only, and interceptors match topics by name. Thread-safe.
 */
final class TopicNames {

    private final Map<Uuid, String> names = new ConcurrentHashMap<>();

    void learn(MetadataResponseData metadata) {
        for (MetadataResponseData.MetadataResponseTopic topic : metadata.topics()) {
            if (topic.name() != null && topic.topicId() != null && !Uuid.ZERO_UUID.equals(topic.topicId())) {
                names.put(topic.topicId(), topic.name());
            }
        }
    }

    /** The known name of {@code id}, or null. */
    String name(Uuid id) {
        return names.get(id);
    }

    /** The known names of {@code ids}; unknown ids are absent. */
    Map<Uuid, String> known(Collection<Uuid> ids) {
        Map<Uuid, String> known = new HashMap<>();
        for (Uuid id : ids) {
            String name = names.get(id);
            if (name != null) {
                known.put(id, name);
            }
        }
        return known;
    }
}
