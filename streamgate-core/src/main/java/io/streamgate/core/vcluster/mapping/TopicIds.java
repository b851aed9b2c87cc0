package io.streamgate.core.vcluster.mapping;

import org.apache.kafka.common.Uuid;

/** Topic ids as a tenant may use them: only the ids of its own topics (and aliases) mean anything. */
final class TopicIds {

    private TopicIds() {
    }

    /**
     * The logical name of the topic with that id, or null when the id is unknown or another tenant's: the two must
     * look the same to the tenant ({@code UNKNOWN_TOPIC_ID}), or it could probe which ids exist.
     */
    static String logicalTopic(TenantContext tenant, Uuid topicId) {
        String physical = tenant.physicalTopicName(topicId);
        return physical == null ? null : tenant.names().logicalTopic(physical);
    }
}
