package io.streamgate.core.protocol;

import org.apache.kafka.common.protocol.ApiKeys;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The APIs and versions the gateway handles. A client is offered the intersection of these ranges and the
 * broker's; APIs absent from this table are removed from the ApiVersions response and refused.
 *
 * <p>The maximum versions are written out rather than taken from kafka-clients, on purpose: a new version
 * may move a broker address into a new field or change a header the gateway peeks at, so each one must be
 * reviewed before clients are offered it. {@code GatewayApiSupportTest} fails when the pinned kafka-clients
 * knows versions or APIs this table does not, naming what to review.
 */
public final class GatewayApiSupport {

    /** Inclusive version range. */
    public record VersionRange(short min, short max) {
        public boolean contains(short version) {
            return version >= min && version <= max;
        }
    }

    private static final Map<ApiKeys, VersionRange> SUPPORTED = supportedApis();
    /** {@link #SUPPORTED} by api key id, for the per-request check. */
    private static final VersionRange[] BY_ID = byId(SUPPORTED);

    /**
     * APIs that only brokers send to each other. A client never needs them, so the gateway does not offer
     * them and refuses them.
     */
    public static final Map<ApiKeys, String> INTER_BROKER_APIS = Map.of(
            ApiKeys.WRITE_TXN_MARKERS, "sent by transaction coordinators to partition leaders",
            ApiKeys.INITIALIZE_SHARE_GROUP_STATE, "sent by group coordinators to share coordinators",
            ApiKeys.READ_SHARE_GROUP_STATE, "sent by share-partition leaders to share coordinators",
            ApiKeys.WRITE_SHARE_GROUP_STATE, "sent by share-partition leaders to share coordinators",
            ApiKeys.DELETE_SHARE_GROUP_STATE, "sent by group coordinators to share coordinators",
            ApiKeys.READ_SHARE_GROUP_STATE_SUMMARY, "sent by group coordinators to share coordinators");

    private GatewayApiSupport() {
    }

    private static Map<ApiKeys, VersionRange> supportedApis() {
        Map<ApiKeys, VersionRange> apis = new EnumMap<>(ApiKeys.class);
        upTo(apis, ApiKeys.PRODUCE, 13);
        upTo(apis, ApiKeys.FETCH, 18);
        upTo(apis, ApiKeys.LIST_OFFSETS, 11);
        upTo(apis, ApiKeys.METADATA, 13);
        upTo(apis, ApiKeys.OFFSET_COMMIT, 10);
        upTo(apis, ApiKeys.OFFSET_FETCH, 10);
        upTo(apis, ApiKeys.FIND_COORDINATOR, 6);
        upTo(apis, ApiKeys.JOIN_GROUP, 9);
        upTo(apis, ApiKeys.HEARTBEAT, 4);
        upTo(apis, ApiKeys.LEAVE_GROUP, 5);
        upTo(apis, ApiKeys.SYNC_GROUP, 5);
        upTo(apis, ApiKeys.DESCRIBE_GROUPS, 6);
        upTo(apis, ApiKeys.LIST_GROUPS, 5);
        // Version 0 is followed by raw SASL tokens that are not Kafka frames; every client since Kafka 1.0
        // uses version 1 with SaslAuthenticate.
        apis.put(ApiKeys.SASL_HANDSHAKE, new VersionRange((short) 1, (short) 1));
        upTo(apis, ApiKeys.API_VERSIONS, 5);
        upTo(apis, ApiKeys.CREATE_TOPICS, 7);
        upTo(apis, ApiKeys.DELETE_TOPICS, 6);
        upTo(apis, ApiKeys.DELETE_RECORDS, 2);
        upTo(apis, ApiKeys.INIT_PRODUCER_ID, 6);
        upTo(apis, ApiKeys.OFFSET_FOR_LEADER_EPOCH, 4);
        upTo(apis, ApiKeys.ADD_PARTITIONS_TO_TXN, 5);
        upTo(apis, ApiKeys.ADD_OFFSETS_TO_TXN, 4);
        upTo(apis, ApiKeys.END_TXN, 5);
        upTo(apis, ApiKeys.TXN_OFFSET_COMMIT, 6);
        upTo(apis, ApiKeys.DESCRIBE_ACLS, 3);
        upTo(apis, ApiKeys.CREATE_ACLS, 3);
        upTo(apis, ApiKeys.DELETE_ACLS, 3);
        upTo(apis, ApiKeys.DESCRIBE_CONFIGS, 4);
        upTo(apis, ApiKeys.ALTER_CONFIGS, 2);
        upTo(apis, ApiKeys.ALTER_REPLICA_LOG_DIRS, 2);
        upTo(apis, ApiKeys.DESCRIBE_LOG_DIRS, 5);
        upTo(apis, ApiKeys.SASL_AUTHENTICATE, 2);
        upTo(apis, ApiKeys.CREATE_PARTITIONS, 3);
        upTo(apis, ApiKeys.CREATE_DELEGATION_TOKEN, 3);
        upTo(apis, ApiKeys.RENEW_DELEGATION_TOKEN, 2);
        upTo(apis, ApiKeys.EXPIRE_DELEGATION_TOKEN, 2);
        upTo(apis, ApiKeys.DESCRIBE_DELEGATION_TOKEN, 3);
        upTo(apis, ApiKeys.DELETE_GROUPS, 3);
        upTo(apis, ApiKeys.ELECT_LEADERS, 2);
        upTo(apis, ApiKeys.INCREMENTAL_ALTER_CONFIGS, 1);
        upTo(apis, ApiKeys.ALTER_PARTITION_REASSIGNMENTS, 1);
        upTo(apis, ApiKeys.LIST_PARTITION_REASSIGNMENTS, 0);
        upTo(apis, ApiKeys.OFFSET_DELETE, 0);
        upTo(apis, ApiKeys.DESCRIBE_CLIENT_QUOTAS, 1);
        upTo(apis, ApiKeys.ALTER_CLIENT_QUOTAS, 1);
        upTo(apis, ApiKeys.DESCRIBE_USER_SCRAM_CREDENTIALS, 0);
        upTo(apis, ApiKeys.ALTER_USER_SCRAM_CREDENTIALS, 0);
        upTo(apis, ApiKeys.DESCRIBE_QUORUM, 2);
        upTo(apis, ApiKeys.UPDATE_FEATURES, 2);
        upTo(apis, ApiKeys.DESCRIBE_CLUSTER, 2);
        upTo(apis, ApiKeys.DESCRIBE_PRODUCERS, 0);
        upTo(apis, ApiKeys.UNREGISTER_BROKER, 0);
        upTo(apis, ApiKeys.DESCRIBE_TRANSACTIONS, 0);
        upTo(apis, ApiKeys.LIST_TRANSACTIONS, 2);
        upTo(apis, ApiKeys.CONSUMER_GROUP_HEARTBEAT, 1);
        upTo(apis, ApiKeys.CONSUMER_GROUP_DESCRIBE, 1);
        upTo(apis, ApiKeys.GET_TELEMETRY_SUBSCRIPTIONS, 0);
        upTo(apis, ApiKeys.PUSH_TELEMETRY, 0);
        upTo(apis, ApiKeys.LIST_CONFIG_RESOURCES, 1);
        upTo(apis, ApiKeys.DESCRIBE_TOPIC_PARTITIONS, 0);
        upTo(apis, ApiKeys.SHARE_GROUP_HEARTBEAT, 1);
        upTo(apis, ApiKeys.SHARE_GROUP_DESCRIBE, 1);
        upTo(apis, ApiKeys.SHARE_FETCH, 2);
        upTo(apis, ApiKeys.SHARE_ACKNOWLEDGE, 2);
        upTo(apis, ApiKeys.ADD_RAFT_VOTER, 1);
        upTo(apis, ApiKeys.REMOVE_RAFT_VOTER, 0);
        upTo(apis, ApiKeys.STREAMS_GROUP_HEARTBEAT, 1);
        upTo(apis, ApiKeys.STREAMS_GROUP_DESCRIBE, 1);
        upTo(apis, ApiKeys.DESCRIBE_SHARE_GROUP_OFFSETS, 1);
        upTo(apis, ApiKeys.ALTER_SHARE_GROUP_OFFSETS, 0);
        upTo(apis, ApiKeys.DELETE_SHARE_GROUP_OFFSETS, 0);
        upTo(apis, ApiKeys.STREAMS_GROUP_TOPOLOGY_DESCRIPTION_UPDATE, 0);
        upTo(apis, ApiKeys.UNREGISTER_CONTROLLER, 0);
        return Collections.unmodifiableMap(apis);
    }

    private static VersionRange[] byId(Map<ApiKeys, VersionRange> supported) {
        int maxId = supported.keySet().stream().mapToInt(apiKey -> apiKey.id).max().orElse(0);
        VersionRange[] byId = new VersionRange[maxId + 1];
        supported.forEach((apiKey, range) -> byId[apiKey.id] = range);
        return byId;
    }

    private static void upTo(Map<ApiKeys, VersionRange> apis, ApiKeys apiKey, int max) {
        apis.put(apiKey, new VersionRange(apiKey.oldestVersion(), (short) max));
    }

    /** Every API the gateway handles, with its version range. */
    public static Map<ApiKeys, VersionRange> all() {
        return SUPPORTED;
    }

    /** The versions of {@code apiKey} the gateway handles, if it handles that API at all. */
    public static Optional<VersionRange> range(short apiKey) {
        return Optional.ofNullable(rangeOrNull(apiKey));
    }

    /** Whether the gateway can handle this request; called for every request, so it allocates nothing. */
    public static boolean supports(short apiKey, short apiVersion) {
        VersionRange range = rangeOrNull(apiKey);
        return range != null && range.contains(apiVersion);
    }

    private static VersionRange rangeOrNull(short apiKey) {
        return apiKey >= 0 && apiKey < BY_ID.length ? BY_ID[apiKey] : null;
    }
}
