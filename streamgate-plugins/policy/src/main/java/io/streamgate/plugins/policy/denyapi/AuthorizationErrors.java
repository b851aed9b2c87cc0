package io.streamgate.plugins.policy.denyapi;

import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;

import java.util.EnumSet;
import java.util.Set;

/**
 * The authorization error a broker gives a client that may not use an API: about the topics for APIs authorized per
 * topic, about the group or transactional id for those authorized on them, about the cluster for the others.
 */
final class AuthorizationErrors {

    private static final Set<ApiKeys> ON_TOPICS = EnumSet.of(ApiKeys.PRODUCE, ApiKeys.FETCH, ApiKeys.LIST_OFFSETS,
            ApiKeys.METADATA, ApiKeys.OFFSET_FOR_LEADER_EPOCH, ApiKeys.CREATE_TOPICS, ApiKeys.DELETE_TOPICS,
            ApiKeys.DELETE_RECORDS, ApiKeys.CREATE_PARTITIONS, ApiKeys.DESCRIBE_CONFIGS, ApiKeys.ALTER_CONFIGS,
            ApiKeys.INCREMENTAL_ALTER_CONFIGS, ApiKeys.DESCRIBE_PRODUCERS, ApiKeys.DESCRIBE_TOPIC_PARTITIONS);

    private static final Set<ApiKeys> ON_GROUPS = EnumSet.of(ApiKeys.FIND_COORDINATOR, ApiKeys.JOIN_GROUP,
            ApiKeys.SYNC_GROUP, ApiKeys.HEARTBEAT, ApiKeys.LEAVE_GROUP, ApiKeys.OFFSET_COMMIT, ApiKeys.OFFSET_FETCH,
            ApiKeys.OFFSET_DELETE, ApiKeys.DESCRIBE_GROUPS, ApiKeys.DELETE_GROUPS, ApiKeys.CONSUMER_GROUP_HEARTBEAT,
            ApiKeys.CONSUMER_GROUP_DESCRIBE, ApiKeys.SHARE_GROUP_HEARTBEAT, ApiKeys.SHARE_GROUP_DESCRIBE);

    private static final Set<ApiKeys> ON_TRANSACTIONAL_IDS = EnumSet.of(ApiKeys.INIT_PRODUCER_ID,
            ApiKeys.ADD_PARTITIONS_TO_TXN, ApiKeys.ADD_OFFSETS_TO_TXN, ApiKeys.END_TXN, ApiKeys.TXN_OFFSET_COMMIT);

    private AuthorizationErrors() {
    }

    static Errors of(ApiKeys api) {
        if (ON_TOPICS.contains(api)) {
            return Errors.TOPIC_AUTHORIZATION_FAILED;
        }
        if (ON_GROUPS.contains(api)) {
            return Errors.GROUP_AUTHORIZATION_FAILED;
        }
        if (ON_TRANSACTIONAL_IDS.contains(api)) {
            return Errors.TRANSACTIONAL_ID_AUTHORIZATION_FAILED;
        }
        return Errors.CLUSTER_AUTHORIZATION_FAILED;
    }
}
