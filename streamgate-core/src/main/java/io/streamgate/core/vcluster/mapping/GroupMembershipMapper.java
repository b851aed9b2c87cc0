package io.streamgate.core.vcluster.mapping;

import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.resource.ResourceType;

import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The classic group protocol's JoinGroup, SyncGroup, Heartbeat and LeaveGroup: the group id is prefixed; Kafka asks
 * READ on the group. Their responses name no group or topic.
 *
 * <p>JoinGroup's protocol metadata and SyncGroup's assignments are left as they are, although the consumer protocol
 * writes topic names into them: the client wrote logical names, the broker never reads these bytes, and every member
 * of the group is in the same virtual cluster, so the members exchange logical names among themselves.
 *
 * @param <R> the API's request data
 */
final class GroupMembershipMapper<R extends ApiMessage> implements ApiMapper {

    private final Class<R> requestType;
    private final Function<R, String> groupId;
    private final BiConsumer<R, String> setGroupId;

    GroupMembershipMapper(Class<R> requestType, Function<R, String> groupId, BiConsumer<R, String> setGroupId) {
        this.requestType = requestType;
        this.groupId = groupId;
        this.setGroupId = setGroupId;
    }

    @Override
    public Mapping map(ApiMessage request, short version, TenantContext tenant) {
        R data = requestType.cast(request);
        String group = groupId.apply(data);
        if (!tenant.authorized(AclOperation.READ, ResourceType.GROUP, group)) {
            return BrokerErrors.answer(request, version, Errors.GROUP_AUTHORIZATION_FAILED);
        }
        setGroupId.accept(data, tenant.names().physicalGroup(group));
        return new Mapping.Forward(data, ResponseMapper.UNCHANGED);
    }
}
