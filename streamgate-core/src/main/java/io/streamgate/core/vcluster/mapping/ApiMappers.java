package io.streamgate.core.vcluster.mapping;

import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which mapper handles each API for virtual-cluster connections. Three kinds of API: those that name no topic, group
 * or transactional id pass as they are; those with a mapper are mapped; every other API is refused, never passed
 * through unmapped.
 */
public final class ApiMappers {

    /** APIs that name nothing of a tenant's: forwarded undecoded. */
    private static final Set<ApiKeys> UNMAPPED = EnumSet.of(ApiKeys.API_VERSIONS, ApiKeys.SASL_HANDSHAKE,
            ApiKeys.SASL_AUTHENTICATE, ApiKeys.DESCRIBE_CLUSTER, ApiKeys.GET_TELEMETRY_SUBSCRIPTIONS,
            ApiKeys.PUSH_TELEMETRY);

    /** APIs that administer the physical cluster as a whole: a tenant is not authorized, as a broker would say. */
    private static final Set<ApiKeys> CLUSTER_ADMINISTRATION = EnumSet.of(ApiKeys.ALTER_REPLICA_LOG_DIRS,
            ApiKeys.DESCRIBE_LOG_DIRS, ApiKeys.DESCRIBE_CLIENT_QUOTAS, ApiKeys.ALTER_CLIENT_QUOTAS,
            ApiKeys.DESCRIBE_USER_SCRAM_CREDENTIALS, ApiKeys.ALTER_USER_SCRAM_CREDENTIALS, ApiKeys.DESCRIBE_QUORUM,
            ApiKeys.UPDATE_FEATURES, ApiKeys.UNREGISTER_BROKER, ApiKeys.UNREGISTER_CONTROLLER,
            ApiKeys.ADD_RAFT_VOTER, ApiKeys.REMOVE_RAFT_VOTER, ApiKeys.CREATE_DELEGATION_TOKEN,
            ApiKeys.RENEW_DELEGATION_TOKEN, ApiKeys.EXPIRE_DELEGATION_TOKEN, ApiKeys.DESCRIBE_DELEGATION_TOKEN);

    private static final Map<ApiKeys, ApiMapper> MAPPERS = mappers();

    private ApiMappers() {
    }

    private static Map<ApiKeys, ApiMapper> mappers() {
        Map<ApiKeys, ApiMapper> mappers = new EnumMap<>(ApiKeys.class);
        TopicApiMappers.register(mappers);
        GroupApiMappers.register(mappers);
        AclApiMappers.register(mappers);
        return mappers;
    }

    /** Whether requests of this API go to the broker as they are, undecoded, for virtual-cluster connections too. */
    public static boolean passesUnmapped(ApiKeys apiKey) {
        return UNMAPPED.contains(apiKey);
    }

    /** The mapper of an API, or null when virtual-cluster connections are refused it. */
    public static ApiMapper mapper(ApiKeys apiKey) {
        return MAPPERS.get(apiKey);
    }

    /** The error a virtual-cluster connection gets for an API without a mapper. */
    public static Errors refusal(ApiKeys apiKey) {
        return CLUSTER_ADMINISTRATION.contains(apiKey) ? Errors.CLUSTER_AUTHORIZATION_FAILED
                : Errors.UNSUPPORTED_VERSION;
    }
}
