package io.streamgate.core.vcluster.mapping;

import io.streamgate.core.vcluster.TenantNamespace;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.message.AddPartitionsToTxnRequestData;
import org.apache.kafka.common.message.AddPartitionsToTxnRequestData.AddPartitionsToTxnTopic;
import org.apache.kafka.common.message.AddPartitionsToTxnRequestData.AddPartitionsToTxnTopicCollection;
import org.apache.kafka.common.message.AddPartitionsToTxnRequestData.AddPartitionsToTxnTransaction;
import org.apache.kafka.common.message.AddPartitionsToTxnRequestData.AddPartitionsToTxnTransactionCollection;
import org.apache.kafka.common.message.AddPartitionsToTxnResponseData;
import org.apache.kafka.common.message.AddPartitionsToTxnResponseData.AddPartitionsToTxnPartitionResult;
import org.apache.kafka.common.message.AddPartitionsToTxnResponseData.AddPartitionsToTxnPartitionResultCollection;
import org.apache.kafka.common.message.AddPartitionsToTxnResponseData.AddPartitionsToTxnResult;
import org.apache.kafka.common.message.AddPartitionsToTxnResponseData.AddPartitionsToTxnResultCollection;
import org.apache.kafka.common.message.AddPartitionsToTxnResponseData.AddPartitionsToTxnTopicResult;
import org.apache.kafka.common.message.AddPartitionsToTxnResponseData.AddPartitionsToTxnTopicResultCollection;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.resource.ResourceType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * AddPartitionsToTxn, the client's form (v0-3: one transactional id and its topics) and the batched form (v4+, which
 * Kafka allows only to principals with CLUSTER_ACTION): transactional ids and topic names are prefixed. As Kafka does
 * for each transaction: WRITE on the transactional id (see {@link TransactionalIdWrites}), or all its partitions get
 * TRANSACTIONAL_ID_AUTHORIZATION_FAILED; then WRITE on each topic (and a writable topic), or the refused topics'
 * partitions get TOPIC_AUTHORIZATION_FAILED and the others OPERATION_NOT_ATTEMPTED, and none is sent. The topic and
 * transaction collections are keyed by name, so renamed entries go into new collections.
 */
final class AddPartitionsToTxnMapper implements ApiMapper {

    private static final short FIRST_BATCHED_VERSION = 4;

    @Override
    public Mapping map(ApiMessage request, short version, TenantContext tenant) {
        AddPartitionsToTxnRequestData data = (AddPartitionsToTxnRequestData) request;
        Map<String, String> logicalTopics = new HashMap<>();
        if (version < FIRST_BATCHED_VERSION) {
            AddPartitionsToTxnTopicResultCollection refused = refusal(tenant, data.v3AndBelowTransactionalId(),
                    data.v3AndBelowTopics());
            if (refused != null) {
                return BrokerErrors.answer(new AddPartitionsToTxnResponseData().setResultsByTopicV3AndBelow(refused));
            }
            data.setV3AndBelowTransactionalId(
                    tenant.names().physicalTransactionalId(data.v3AndBelowTransactionalId()))
                    .setV3AndBelowTopics(physicalTopics(tenant, data.v3AndBelowTopics(), logicalTopics));
            return new Mapping.Forward(data, (response, responseVersion) -> {
                AddPartitionsToTxnResponseData added = (AddPartitionsToTxnResponseData) response;
                return added.setResultsByTopicV3AndBelow(
                        logicalResults(added.resultsByTopicV3AndBelow(), logicalTopics));
            });
        }
        if (!tenant.authorized(AclOperation.CLUSTER_ACTION, ResourceType.CLUSTER, ClusterResource.NAME)) {
            return BrokerErrors.answer(request, version, Errors.CLUSTER_AUTHORIZATION_FAILED);
        }
        TenantNamespace names = tenant.names();
        AddPartitionsToTxnTransactionCollection forwarded = new AddPartitionsToTxnTransactionCollection();
        List<AddPartitionsToTxnResult> refused = new ArrayList<>();
        for (AddPartitionsToTxnTransaction transaction : data.transactions()) {
            AddPartitionsToTxnTopicResultCollection refusal = refusal(tenant, transaction.transactionalId(),
                    transaction.topics());
            if (refusal != null) {
                refused.add(new AddPartitionsToTxnResult().setTransactionalId(transaction.transactionalId())
                        .setTopicResults(refusal));
            } else {
                forwarded.add(transaction.duplicate()
                        .setTransactionalId(names.physicalTransactionalId(transaction.transactionalId()))
                        .setTopics(physicalTopics(tenant, transaction.topics(), logicalTopics)));
            }
        }
        if (forwarded.isEmpty() && !refused.isEmpty()) {
            return BrokerErrors.answer(new AddPartitionsToTxnResponseData().setResultsByTransaction(
                    transactionResults(refused)));
        }
        data.setTransactions(forwarded);
        return new Mapping.Forward(data, (response, responseVersion) -> {
            AddPartitionsToTxnResponseData added = (AddPartitionsToTxnResponseData) response;
            List<AddPartitionsToTxnResult> results = new ArrayList<>();
            for (AddPartitionsToTxnResult result : added.resultsByTransaction()) {
                String logical = names.logicalTransactionalId(result.transactionalId());
                if (logical != null) {
                    results.add(result.duplicate().setTransactionalId(logical)
                            .setTopicResults(logicalResults(result.topicResults(), logicalTopics)));
                }
            }
            results.addAll(refused);
            return added.setResultsByTransaction(transactionResults(results));
        });
    }

    /** The results of a transaction the tenant may not add these partitions to; null when it may. */
    private static AddPartitionsToTxnTopicResultCollection refusal(TenantContext tenant, String transactionalId,
                                                                   AddPartitionsToTxnTopicCollection topics) {
        if (!TransactionalIdWrites.allowed(tenant, transactionalId)) {
            return results(topics, topic -> Errors.TRANSACTIONAL_ID_AUTHORIZATION_FAILED);
        }
        Map<String, Errors> topicErrors = new HashMap<>();
        for (AddPartitionsToTxnTopic topic : topics) {
            topicErrors.put(topic.name(), TopicResolution.byNameForWrite(tenant, topic.name()).error());
        }
        if (!topicErrors.containsValue(Errors.TOPIC_AUTHORIZATION_FAILED)) {
            return null;
        }
        return results(topics, topic -> topicErrors.get(topic) == Errors.NONE ? Errors.OPERATION_NOT_ATTEMPTED
                : topicErrors.get(topic));
    }

    private static AddPartitionsToTxnTopicResultCollection results(AddPartitionsToTxnTopicCollection topics,
                                                                   Function<String, Errors> error) {
        AddPartitionsToTxnTopicResultCollection results = new AddPartitionsToTxnTopicResultCollection();
        for (AddPartitionsToTxnTopic topic : topics) {
            AddPartitionsToTxnPartitionResultCollection partitions = new AddPartitionsToTxnPartitionResultCollection();
            for (int partition : topic.partitions()) {
                partitions.add(new AddPartitionsToTxnPartitionResult().setPartitionIndex(partition)
                        .setPartitionErrorCode(error.apply(topic.name()).code()));
            }
            results.add(new AddPartitionsToTxnTopicResult().setName(topic.name()).setResultsByPartition(partitions));
        }
        return results;
    }

    private static AddPartitionsToTxnTopicCollection physicalTopics(TenantContext tenant,
                                                                    AddPartitionsToTxnTopicCollection topics,
                                                                    Map<String, String> logicalTopics) {
        AddPartitionsToTxnTopicCollection physical = new AddPartitionsToTxnTopicCollection(topics.size());
        for (AddPartitionsToTxnTopic topic : topics) {
            String physicalName = tenant.names().physicalTopic(topic.name());
            logicalTopics.put(physicalName, topic.name());
            physical.add(topic.duplicate().setName(physicalName));
        }
        return physical;
    }

    private static AddPartitionsToTxnTopicResultCollection logicalResults(
            AddPartitionsToTxnTopicResultCollection results, Map<String, String> logicalTopics) {
        AddPartitionsToTxnTopicResultCollection logical = new AddPartitionsToTxnTopicResultCollection(results.size());
        for (AddPartitionsToTxnTopicResult result : results) {
            String name = logicalTopics.get(result.name());
            if (name != null) {
                logical.add(result.duplicate().setName(name));
            }
        }
        return logical;
    }

    private static AddPartitionsToTxnResultCollection transactionResults(List<AddPartitionsToTxnResult> results) {
        AddPartitionsToTxnResultCollection collection = new AddPartitionsToTxnResultCollection(results.size());
        collection.addAll(results);
        return collection;
    }
}
