package io.streamgate.core.vcluster.mapping;

import org.apache.kafka.common.message.EndTxnRequestData;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;

/** EndTxn: the transactional id is prefixed, after the WRITE check of {@link TransactionalIdWrites}. */
final class EndTxnMapper implements ApiMapper {

    @Override
    public Mapping map(ApiMessage request, short version, TenantContext tenant) {
        EndTxnRequestData data = (EndTxnRequestData) request;
        if (!TransactionalIdWrites.allowed(tenant, data.transactionalId())) {
            return BrokerErrors.answer(request, version, Errors.TRANSACTIONAL_ID_AUTHORIZATION_FAILED);
        }
        data.setTransactionalId(tenant.names().physicalTransactionalId(data.transactionalId()));
        return new Mapping.Forward(data, ResponseMapper.UNCHANGED);
    }
}
