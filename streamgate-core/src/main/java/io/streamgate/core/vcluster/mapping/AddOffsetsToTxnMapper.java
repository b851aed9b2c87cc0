package io.streamgate.core.vcluster.mapping;

import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.message.AddOffsetsToTxnRequestData;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.resource.ResourceType;

/**
 * AddOffsetsToTxn: the transactional id and the group id are prefixed. Kafka asks WRITE on the transactional id (see
 * {@link TransactionalIdWrites}), then READ on the group.
 */
final class AddOffsetsToTxnMapper implements ApiMapper {

    @Override
    public Mapping map(ApiMessage request, short version, TenantContext tenant) {
        AddOffsetsToTxnRequestData data = (AddOffsetsToTxnRequestData) request;
        if (!TransactionalIdWrites.allowed(tenant, data.transactionalId())) {
            return BrokerErrors.answer(request, version, Errors.TRANSACTIONAL_ID_AUTHORIZATION_FAILED);
        }
        if (!tenant.authorized(AclOperation.READ, ResourceType.GROUP, data.groupId())) {
            return BrokerErrors.answer(request, version, Errors.GROUP_AUTHORIZATION_FAILED);
        }
        data.setTransactionalId(tenant.names().physicalTransactionalId(data.transactionalId()))
                .setGroupId(tenant.names().physicalGroup(data.groupId()));
        return new Mapping.Forward(data, ResponseMapper.UNCHANGED);
    }
}
