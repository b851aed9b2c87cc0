package io.streamgate.core.vcluster.mapping;

import io.streamgate.core.vcluster.TenantNamespace;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.errors.InvalidRegularExpression;
import org.apache.kafka.common.message.ConsumerGroupHeartbeatRequestData;
import org.apache.kafka.common.message.ConsumerGroupHeartbeatResponseData;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.resource.ResourceType;

/**
 * ConsumerGroupHeartbeat (KIP-848): the group id and subscribed topic names are prefixed, and a subscribed regex is
 * confined to the tenant's prefix ({@link TenantRegex}); one that cannot be gets INVALID_REGULAR_EXPRESSION. Kafka asks
 * READ on the group and DESCRIBE on every subscribed topic name. Owned partitions and the response's assignment are by
 * topic id, which the tenant shares with the physical cluster, so the response passes unchanged.
 *
 * <p>Topics a regex resolves to are filtered by the broker with the gateway's ACLs, not the tenant's: within the
 * tenant, a regex may assign topics its ACLs do not let the principal describe (fetching them still needs READ).
 */
final class ConsumerGroupHeartbeatMapper implements ApiMapper {

    @Override
    public Mapping map(ApiMessage request, short version, TenantContext tenant) {
        ConsumerGroupHeartbeatRequestData data = (ConsumerGroupHeartbeatRequestData) request;
        if (!tenant.authorized(AclOperation.READ, ResourceType.GROUP, data.groupId())) {
            return refuse(Errors.GROUP_AUTHORIZATION_FAILED, null);
        }
        TenantNamespace names = tenant.names();
        if (data.subscribedTopicNames() != null) {
            boolean allDescribable = data.subscribedTopicNames().stream()
                    .allMatch(topic -> tenant.authorized(AclOperation.DESCRIBE, ResourceType.TOPIC, topic));
            if (!allDescribable) {
                return refuse(Errors.TOPIC_AUTHORIZATION_FAILED, null);
            }
            data.setSubscribedTopicNames(data.subscribedTopicNames().stream().map(names::physicalTopic).toList());
        }
        if (data.subscribedTopicRegex() != null) {
            try {
                data.setSubscribedTopicRegex(TenantRegex.physical(names.prefix(), data.subscribedTopicRegex()));
            } catch (InvalidRegularExpression unsupported) {
                return refuse(Errors.INVALID_REGULAR_EXPRESSION, unsupported.getMessage());
            }
        }
        data.setGroupId(names.physicalGroup(data.groupId()));
        return new Mapping.Forward(data, ResponseMapper.UNCHANGED);
    }

    private static Mapping refuse(Errors error, String message) {
        return BrokerErrors.answer(new ConsumerGroupHeartbeatResponseData().setErrorCode(error.code())
                .setErrorMessage(message != null ? message : error.message()));
    }
}
