package io.streamgate.core.vcluster.mapping;

import io.streamgate.core.protocol.GatewayApiSupport;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static org.apache.kafka.common.protocol.ApiKeys.*;
import static org.assertj.core.api.Assertions.assertThat;

class ApiMappersTest {

    /** Every API that carries a topic, group or transactional id and that a tenant may use. */
    private static final Set<ApiKeys> MAPPED = EnumSet.of(METADATA, PRODUCE, FETCH, LIST_OFFSETS, OFFSET_COMMIT,
            OFFSET_FETCH, OFFSET_DELETE, FIND_COORDINATOR, JOIN_GROUP, SYNC_GROUP, HEARTBEAT, LEAVE_GROUP,
            CONSUMER_GROUP_HEARTBEAT, CONSUMER_GROUP_DESCRIBE, DESCRIBE_GROUPS, LIST_GROUPS, DELETE_GROUPS,
            CREATE_TOPICS, DELETE_TOPICS, CREATE_PARTITIONS, DESCRIBE_CONFIGS, ALTER_CONFIGS,
            INCREMENTAL_ALTER_CONFIGS, DELETE_RECORDS, OFFSET_FOR_LEADER_EPOCH, INIT_PRODUCER_ID,
            ADD_PARTITIONS_TO_TXN, ADD_OFFSETS_TO_TXN, TXN_OFFSET_COMMIT, END_TXN, DESCRIBE_PRODUCERS,
            DESCRIBE_TRANSACTIONS, LIST_TRANSACTIONS, DESCRIBE_TOPIC_PARTITIONS, ELECT_LEADERS,
            ALTER_PARTITION_REASSIGNMENTS, LIST_PARTITION_REASSIGNMENTS, CREATE_ACLS, DESCRIBE_ACLS, DELETE_ACLS);

    @Test
    void everyApiThatNamesATenantsResourcesHasAMapper() {
        for (ApiKeys apiKey : MAPPED) {
            assertThat(ApiMappers.mapper(apiKey)).as(apiKey.name).isNotNull();
            assertThat(ApiMappers.passesUnmapped(apiKey)).as(apiKey.name).isFalse();
        }
    }

    @Test
    void everyOtherApiTheGatewayOffersPassesOnlyWhenItNamesNothingOrElseIsRefused() {
        for (ApiKeys apiKey : GatewayApiSupport.all().keySet()) {
            if (MAPPED.contains(apiKey)) {
                continue;
            }
            assertThat(ApiMappers.mapper(apiKey)).as(apiKey.name).isNull();
            if (!ApiMappers.passesUnmapped(apiKey)) {
                assertThat(ApiMappers.refusal(apiKey)).as(apiKey.name)
                        .isIn(Errors.CLUSTER_AUTHORIZATION_FAILED, Errors.UNSUPPORTED_VERSION);
            }
        }
        assertThat(ApiMappers.passesUnmapped(API_VERSIONS)).isTrue();
        assertThat(ApiMappers.passesUnmapped(DESCRIBE_CLUSTER)).isTrue();
        assertThat(ApiMappers.refusal(DESCRIBE_CLIENT_QUOTAS)).isEqualTo(Errors.CLUSTER_AUTHORIZATION_FAILED);
        assertThat(ApiMappers.refusal(SHARE_FETCH)).isEqualTo(Errors.UNSUPPORTED_VERSION);
    }
}
