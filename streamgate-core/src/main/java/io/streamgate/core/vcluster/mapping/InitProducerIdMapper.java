package io.streamgate.core.vcluster.mapping;

import org.apache.kafka.common.message.InitProducerIdRequestData;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;

/**
 * InitProducerId: a transactional id is prefixed, after the WRITE check of {@link TransactionalIdWrites}. An
 * idempotent producer's request (no transactional id) names nothing of the tenant's and passes; its writes are checked
 * where they happen, by Produce.
 */
final class InitProducerIdMapper implements ApiMapper {

    @Override
    public Mapping map(ApiMessage request, short version, TenantContext tenant) {
        InitProducerIdRequestData data = (InitProducerIdRequestData) request;
        String transactionalId = data.transactionalId();
        if (transactionalId != null) {
            if (!TransactionalIdWrites.allowed(tenant, transactionalId)) {
                return BrokerErrors.answer(request, version, Errors.TRANSACTIONAL_ID_AUTHORIZATION_FAILED);
            }
            data.setTransactionalId(tenant.names().physicalTransactionalId(transactionalId));
        }
        return new Mapping.Forward(data, ResponseMapper.UNCHANGED);
    }
}
