package io.streamgate.core.vcluster.mapping;

import io.streamgate.core.vcluster.TenantNamespace;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.errors.InvalidRegularExpression;
import org.apache.kafka.common.message.ListTransactionsRequestData;
import org.apache.kafka.common.message.ListTransactionsResponseData;
import org.apache.kafka.common.message.ListTransactionsResponseData.TransactionState;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.resource.ResourceType;

import java.util.ArrayList;
import java.util.List;

/**
 * ListTransactions: the response keeps only the tenant's transactional ids that the principal may DESCRIBE,
 * un-prefixed. The broker matches a {@code transactionalIdPattern} (v2) against physical ids with RE2J, so the
 * pattern is confined to the tenant's prefix ({@link TenantRegex}); one that cannot be gets
 * INVALID_REGULAR_EXPRESSION. An empty pattern means no filter and goes as it is.
 */
final class ListTransactionsMapper implements ApiMapper {

    @Override
    public Mapping map(ApiMessage request, short version, TenantContext tenant) {
        ListTransactionsRequestData data = (ListTransactionsRequestData) request;
        TenantNamespace names = tenant.names();
        String pattern = data.transactionalIdPattern();
        if (pattern != null && !pattern.isEmpty()) {
            try {
                data.setTransactionalIdPattern(TenantRegex.physical(names.prefix(), pattern));
            } catch (InvalidRegularExpression unsupported) {
                return BrokerErrors.answer(new ListTransactionsResponseData()
                        .setErrorCode(Errors.INVALID_REGULAR_EXPRESSION.code()));
            }
        }
        return new Mapping.Forward(data, (response, responseVersion) -> {
            ListTransactionsResponseData listed = (ListTransactionsResponseData) response;
            List<TransactionState> states = new ArrayList<>();
            for (TransactionState state : listed.transactionStates()) {
                String logical = names.logicalTransactionalId(state.transactionalId());
                if (logical != null
                        && tenant.authorized(AclOperation.DESCRIBE, ResourceType.TRANSACTIONAL_ID, logical)) {
                    states.add(state.setTransactionalId(logical));
                }
            }
            return listed.setTransactionStates(states);
        });
    }
}
