package io.streamgate.core.vcluster.mapping;

import io.streamgate.core.vcluster.TenantNamespace;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.message.DescribeTransactionsRequestData;
import org.apache.kafka.common.message.DescribeTransactionsResponseData;
import org.apache.kafka.common.message.DescribeTransactionsResponseData.TopicData;
import org.apache.kafka.common.message.DescribeTransactionsResponseData.TopicDataCollection;
import org.apache.kafka.common.message.DescribeTransactionsResponseData.TransactionState;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.resource.ResourceType;

import java.util.ArrayList;
import java.util.List;

/**
 * DescribeTransactions: transactional ids are prefixed; Kafka asks DESCRIBE on each. In the response, transactional
 * ids and the transactions' topics are un-prefixed; as Kafka does, topics the principal may not describe are left out,
 * and so are topics that do not map back. The topics are a collection keyed by name, rebuilt with logical names.
 */
final class DescribeTransactionsMapper implements ApiMapper {

    @Override
    public Mapping map(ApiMessage request, short version, TenantContext tenant) {
        DescribeTransactionsRequestData data = (DescribeTransactionsRequestData) request;
        TenantNamespace names = tenant.names();
        List<String> forwarded = new ArrayList<>();
        List<TransactionState> refused = new ArrayList<>();
        for (String transactionalId : data.transactionalIds()) {
            if (tenant.authorized(AclOperation.DESCRIBE, ResourceType.TRANSACTIONAL_ID, transactionalId)) {
                forwarded.add(names.physicalTransactionalId(transactionalId));
            } else {
                refused.add(new TransactionState().setTransactionalId(transactionalId)
                        .setErrorCode(Errors.TRANSACTIONAL_ID_AUTHORIZATION_FAILED.code()));
            }
        }
        if (forwarded.isEmpty() && !refused.isEmpty()) {
            return BrokerErrors.answer(new DescribeTransactionsResponseData().setTransactionStates(refused));
        }
        data.setTransactionalIds(forwarded);
        return new Mapping.Forward(data, (response, responseVersion) -> {
            DescribeTransactionsResponseData described = (DescribeTransactionsResponseData) response;
            List<TransactionState> states = new ArrayList<>(described.transactionStates().size() + refused.size());
            for (TransactionState state : described.transactionStates()) {
                String logical = names.logicalTransactionalId(state.transactionalId());
                if (logical != null) {
                    states.add(state.setTransactionalId(logical).setTopics(describableTopics(state.topics(), tenant)));
                }
            }
            states.addAll(refused);
            return described.setTransactionStates(states);
        });
    }

    private static TopicDataCollection describableTopics(TopicDataCollection topics, TenantContext tenant) {
        TopicDataCollection logicalTopics = new TopicDataCollection(topics.size());
        for (TopicData topic : topics) {
            String logical = tenant.names().logicalTopic(topic.topic());
            if (logical != null && tenant.authorized(AclOperation.DESCRIBE, ResourceType.TOPIC, logical)) {
                logicalTopics.add(topic.duplicate().setTopic(logical));
            }
        }
        return logicalTopics;
    }
}
