package io.streamgate.core.vcluster.mapping;

import org.apache.kafka.common.message.HeartbeatRequestData;
import org.apache.kafka.common.message.JoinGroupRequestData;
import org.apache.kafka.common.message.LeaveGroupRequestData;
import org.apache.kafka.common.message.SyncGroupRequestData;
import org.apache.kafka.common.protocol.ApiKeys;

import java.util.Map;

/**
 * The mappers of the consumer-group and transaction APIs: coordinators, the classic and KIP-848 group protocols,
 * offsets, group administration and transactions. Share groups are not mapped.
 */
final class GroupApiMappers {

    private GroupApiMappers() {
    }

    static void register(Map<ApiKeys, ApiMapper> mappers) {
        mappers.put(ApiKeys.FIND_COORDINATOR, new FindCoordinatorMapper());
        mappers.put(ApiKeys.JOIN_GROUP, new GroupMembershipMapper<>(JoinGroupRequestData.class,
                JoinGroupRequestData::groupId, JoinGroupRequestData::setGroupId));
        mappers.put(ApiKeys.SYNC_GROUP, new GroupMembershipMapper<>(SyncGroupRequestData.class,
                SyncGroupRequestData::groupId, SyncGroupRequestData::setGroupId));
        mappers.put(ApiKeys.HEARTBEAT, new GroupMembershipMapper<>(HeartbeatRequestData.class,
                HeartbeatRequestData::groupId, HeartbeatRequestData::setGroupId));
        mappers.put(ApiKeys.LEAVE_GROUP, new GroupMembershipMapper<>(LeaveGroupRequestData.class,
                LeaveGroupRequestData::groupId, LeaveGroupRequestData::setGroupId));
        mappers.put(ApiKeys.OFFSET_COMMIT, new OffsetCommitMapper());
        mappers.put(ApiKeys.OFFSET_FETCH, new OffsetFetchMapper());
        mappers.put(ApiKeys.OFFSET_DELETE, new OffsetDeleteMapper());
        mappers.put(ApiKeys.CONSUMER_GROUP_HEARTBEAT, new ConsumerGroupHeartbeatMapper());
        mappers.put(ApiKeys.CONSUMER_GROUP_DESCRIBE, new ConsumerGroupDescribeMapper());
        mappers.put(ApiKeys.DESCRIBE_GROUPS, new DescribeGroupsMapper());
        mappers.put(ApiKeys.LIST_GROUPS, new ListGroupsMapper());
        mappers.put(ApiKeys.DELETE_GROUPS, new DeleteGroupsMapper());
        mappers.put(ApiKeys.INIT_PRODUCER_ID, new InitProducerIdMapper());
        mappers.put(ApiKeys.ADD_PARTITIONS_TO_TXN, new AddPartitionsToTxnMapper());
        mappers.put(ApiKeys.ADD_OFFSETS_TO_TXN, new AddOffsetsToTxnMapper());
        mappers.put(ApiKeys.TXN_OFFSET_COMMIT, new TxnOffsetCommitMapper());
        mappers.put(ApiKeys.END_TXN, new EndTxnMapper());
        mappers.put(ApiKeys.DESCRIBE_TRANSACTIONS, new DescribeTransactionsMapper());
        mappers.put(ApiKeys.LIST_TRANSACTIONS, new ListTransactionsMapper());
    }
}
