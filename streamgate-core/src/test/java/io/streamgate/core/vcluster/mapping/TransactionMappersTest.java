package io.streamgate.core.vcluster.mapping;

import com.google.re2j.Pattern;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.message.AddOffsetsToTxnRequestData;
import org.apache.kafka.common.message.AddOffsetsToTxnResponseData;
import org.apache.kafka.common.message.AddPartitionsToTxnRequestData;
import org.apache.kafka.common.message.AddPartitionsToTxnRequestData.AddPartitionsToTxnTopic;
import org.apache.kafka.common.message.AddPartitionsToTxnRequestData.AddPartitionsToTxnTopicCollection;
import org.apache.kafka.common.message.AddPartitionsToTxnRequestData.AddPartitionsToTxnTransaction;
import org.apache.kafka.common.message.AddPartitionsToTxnRequestData.AddPartitionsToTxnTransactionCollection;
import org.apache.kafka.common.message.AddPartitionsToTxnResponseData;
import org.apache.kafka.common.message.AddPartitionsToTxnResponseData.AddPartitionsToTxnPartitionResultCollection;
import org.apache.kafka.common.message.AddPartitionsToTxnResponseData.AddPartitionsToTxnResult;
import org.apache.kafka.common.message.AddPartitionsToTxnResponseData.AddPartitionsToTxnResultCollection;
import org.apache.kafka.common.message.AddPartitionsToTxnResponseData.AddPartitionsToTxnTopicResult;
import org.apache.kafka.common.message.AddPartitionsToTxnResponseData.AddPartitionsToTxnTopicResultCollection;
import org.apache.kafka.common.message.DescribeTransactionsRequestData;
import org.apache.kafka.common.message.DescribeTransactionsResponseData;
import org.apache.kafka.common.message.DescribeTransactionsResponseData.TopicData;
import org.apache.kafka.common.message.DescribeTransactionsResponseData.TopicDataCollection;
import org.apache.kafka.common.message.DescribeTransactionsResponseData.TransactionState;
import org.apache.kafka.common.message.EndTxnRequestData;
import org.apache.kafka.common.message.EndTxnResponseData;
import org.apache.kafka.common.message.InitProducerIdRequestData;
import org.apache.kafka.common.message.InitProducerIdResponseData;
import org.apache.kafka.common.message.ListTransactionsRequestData;
import org.apache.kafka.common.message.ListTransactionsResponseData;
import org.apache.kafka.common.message.TxnOffsetCommitRequestData;
import org.apache.kafka.common.message.TxnOffsetCommitRequestData.TxnOffsetCommitRequestPartition;
import org.apache.kafka.common.message.TxnOffsetCommitRequestData.TxnOffsetCommitRequestTopic;
import org.apache.kafka.common.message.TxnOffsetCommitResponseData;
import org.apache.kafka.common.message.TxnOffsetCommitResponseData.TxnOffsetCommitResponseTopic;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.streamgate.core.vcluster.mapping.Mappings.answered;
import static io.streamgate.core.vcluster.mapping.Mappings.forwarded;
import static io.streamgate.core.vcluster.mapping.Mappings.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class TransactionMappersTest {

    private static AddPartitionsToTxnTopicCollection topics(String... names) {
        AddPartitionsToTxnTopicCollection topics = new AddPartitionsToTxnTopicCollection();
        for (String name : names) {
            topics.add(new AddPartitionsToTxnTopic().setName(name).setPartitions(List.of(0, 1)));
        }
        return topics;
    }

    @Test
    void initProducerIdPrefixesTheTransactionalId() {
        InitProducerIdRequestData request = new InitProducerIdRequestData().setTransactionalId("tx");

        forwarded(request, 5, new ScriptedTenant());

        assertThat(request.transactionalId()).isEqualTo("a.tx");
    }

    @Test
    void initProducerIdOfAnIdempotentProducerPassesEvenInAReadOnlyVirtualCluster() {
        InitProducerIdRequestData request = new InitProducerIdRequestData().setTransactionalId(null);

        forwarded(request, 5, new ScriptedTenant().readOnlyCluster());

        assertThat(request.transactionalId()).isNull();
    }

    @Test
    void transactionsAreRefusedInAReadOnlyVirtualCluster() {
        ScriptedTenant tenant = new ScriptedTenant().readOnlyCluster();

        InitProducerIdResponseData init = answered(new InitProducerIdRequestData().setTransactionalId("tx"), 5,
                tenant);
        EndTxnResponseData end = answered(new EndTxnRequestData().setTransactionalId("tx"), 4, tenant);
        AddPartitionsToTxnResponseData add = answered(new AddPartitionsToTxnRequestData()
                .setV3AndBelowTransactionalId("tx").setV3AndBelowTopics(topics("orders")), 3, tenant);

        assertThat(init.errorCode()).isEqualTo(Errors.TRANSACTIONAL_ID_AUTHORIZATION_FAILED.code());
        assertThat(end.errorCode()).isEqualTo(Errors.TRANSACTIONAL_ID_AUTHORIZATION_FAILED.code());
        assertThat(add.resultsByTopicV3AndBelow().find("orders").resultsByPartition().find(0).partitionErrorCode())
                .isEqualTo(Errors.TRANSACTIONAL_ID_AUTHORIZATION_FAILED.code());
    }

    @Test
    void addPartitionsToTxnPrefixesTheTransactionalIdAndTopicsAndUnprefixesTheResults() {
        AddPartitionsToTxnRequestData request = new AddPartitionsToTxnRequestData()
                .setV3AndBelowTransactionalId("tx").setV3AndBelowTopics(topics("orders"));

        Mapping.Forward forward = forwarded(request, 3, new ScriptedTenant());

        assertThat(request.v3AndBelowTransactionalId()).isEqualTo("a.tx");
        assertThat(request.v3AndBelowTopics().find("a.orders")).isNotNull();
        AddPartitionsToTxnTopicResultCollection results = new AddPartitionsToTxnTopicResultCollection();
        results.add(new AddPartitionsToTxnTopicResult().setName("a.orders")
                .setResultsByPartition(new AddPartitionsToTxnPartitionResultCollection()));
        AddPartitionsToTxnResponseData tenantResponse = response(forward,
                new AddPartitionsToTxnResponseData().setResultsByTopicV3AndBelow(results), 3);
        assertThat(tenantResponse.resultsByTopicV3AndBelow().find("orders")).isNotNull();
        assertThat(tenantResponse.resultsByTopicV3AndBelow()).hasSize(1);
    }

    @Test
    void addPartitionsToTxnWithAReadOnlyAliasIsNotSentAndFailsTheOtherTopicsAsNotAttempted() {
        ScriptedTenant tenant = new ScriptedTenant().alias("shared", "shared-orders", true);

        AddPartitionsToTxnResponseData response = answered(new AddPartitionsToTxnRequestData()
                .setV3AndBelowTransactionalId("tx").setV3AndBelowTopics(topics("orders", "shared")), 3, tenant);

        assertThat(response.resultsByTopicV3AndBelow().find("shared").resultsByPartition().find(1)
                .partitionErrorCode()).isEqualTo(Errors.TOPIC_AUTHORIZATION_FAILED.code());
        assertThat(response.resultsByTopicV3AndBelow().find("orders").resultsByPartition().find(1)
                .partitionErrorCode()).isEqualTo(Errors.OPERATION_NOT_ATTEMPTED.code());
    }

    @Test
    void batchedAddPartitionsToTxnMapsEachTransaction() {
        ScriptedTenant tenant = new ScriptedTenant().deny(AclOperation.WRITE, ResourceType.TRANSACTIONAL_ID, "denied");
        AddPartitionsToTxnTransactionCollection transactions = new AddPartitionsToTxnTransactionCollection();
        transactions.add(new AddPartitionsToTxnTransaction().setTransactionalId("tx").setTopics(topics("orders")));
        transactions.add(new AddPartitionsToTxnTransaction().setTransactionalId("denied")
                .setTopics(topics("orders")));
        AddPartitionsToTxnRequestData request = new AddPartitionsToTxnRequestData().setTransactions(transactions);

        Mapping.Forward forward = forwarded(request, 5, tenant);

        assertThat(request.transactions()).extracting(AddPartitionsToTxnTransaction::transactionalId)
                .containsExactly("a.tx");
        assertThat(request.transactions().find("a.tx").topics().find("a.orders")).isNotNull();
        AddPartitionsToTxnTopicResultCollection topicResults = new AddPartitionsToTxnTopicResultCollection();
        topicResults.add(new AddPartitionsToTxnTopicResult().setName("a.orders")
                .setResultsByPartition(new AddPartitionsToTxnPartitionResultCollection()));
        AddPartitionsToTxnResultCollection brokerResults = new AddPartitionsToTxnResultCollection();
        brokerResults.add(new AddPartitionsToTxnResult().setTransactionalId("a.tx").setTopicResults(topicResults));
        AddPartitionsToTxnResponseData tenantResponse = response(forward,
                new AddPartitionsToTxnResponseData().setResultsByTransaction(brokerResults), 5);

        assertThat(tenantResponse.resultsByTransaction().find("tx").topicResults().find("orders")).isNotNull();
        assertThat(tenantResponse.resultsByTransaction().find("denied").topicResults().find("orders")
                .resultsByPartition().find(0).partitionErrorCode())
                .isEqualTo(Errors.TRANSACTIONAL_ID_AUTHORIZATION_FAILED.code());
    }

    @Test
    void addOffsetsToTxnPrefixesTransactionalIdAndGroupAndChecksReadOnTheGroup() {
        AddOffsetsToTxnRequestData request = new AddOffsetsToTxnRequestData().setTransactionalId("tx")
                .setGroupId("app");
        forwarded(request, 4, new ScriptedTenant());
        assertThat(request.transactionalId()).isEqualTo("a.tx");
        assertThat(request.groupId()).isEqualTo("a.app");

        AddOffsetsToTxnResponseData refused = answered(new AddOffsetsToTxnRequestData().setTransactionalId("tx")
                .setGroupId("app"), 4, new ScriptedTenant().deny(AclOperation.READ, ResourceType.GROUP, "app"));
        assertThat(refused.errorCode()).isEqualTo(Errors.GROUP_AUTHORIZATION_FAILED.code());
    }

    @Test
    void txnOffsetCommitPrefixesEveryNameAndRefusesUnreadableTopics() {
        ScriptedTenant tenant = new ScriptedTenant().deny(AclOperation.READ, ResourceType.TOPIC, "secret");
        TxnOffsetCommitRequestData request = new TxnOffsetCommitRequestData().setTransactionalId("tx")
                .setGroupId("app").setTopics(List.of(
                        new TxnOffsetCommitRequestTopic().setName("orders").setPartitions(List.of(
                                new TxnOffsetCommitRequestPartition().setPartitionIndex(0))),
                        new TxnOffsetCommitRequestTopic().setName("secret").setPartitions(List.of(
                                new TxnOffsetCommitRequestPartition().setPartitionIndex(0)))));

        Mapping.Forward forward = forwarded(request, 5, tenant);

        assertThat(request.transactionalId()).isEqualTo("a.tx");
        assertThat(request.groupId()).isEqualTo("a.app");
        assertThat(request.topics()).extracting(TxnOffsetCommitRequestTopic::name).containsExactly("a.orders");
        TxnOffsetCommitResponseData tenantResponse = response(forward, new TxnOffsetCommitResponseData().setTopics(
                List.of(new TxnOffsetCommitResponseTopic().setName("a.orders"))), 5);
        assertThat(tenantResponse.topics()).extracting(TxnOffsetCommitResponseTopic::name)
                .containsExactly("orders", "secret");
        assertThat(tenantResponse.topics().get(1).partitions().get(0).errorCode())
                .isEqualTo(Errors.TOPIC_AUTHORIZATION_FAILED.code());
    }

    @Test
    void txnOffsetCommitByTopicIdRefusesAnotherTenantsTopic() {
        Uuid theirs = Uuid.randomUuid();
        TxnOffsetCommitResponseData response = answered(new TxnOffsetCommitRequestData().setTransactionalId("tx")
                .setGroupId("app").setTopics(List.of(new TxnOffsetCommitRequestTopic().setTopicId(theirs)
                        .setPartitions(List.of(new TxnOffsetCommitRequestPartition().setPartitionIndex(0))))),
                6, new ScriptedTenant().topicId(theirs, "b.orders"));

        assertThat(response.topics().get(0).partitions().get(0).errorCode())
                .isEqualTo(Errors.UNKNOWN_TOPIC_ID.code());
    }

    @Test
    void txnOffsetCommitIsRefusedInAReadOnlyVirtualCluster() {
        TxnOffsetCommitResponseData response = answered(new TxnOffsetCommitRequestData().setTransactionalId("tx")
                .setGroupId("app").setTopics(List.of(new TxnOffsetCommitRequestTopic().setName("orders")
                        .setPartitions(List.of(new TxnOffsetCommitRequestPartition().setPartitionIndex(0))))),
                5, new ScriptedTenant().readOnlyCluster());

        assertThat(response.topics().get(0).partitions().get(0).errorCode())
                .isEqualTo(Errors.TRANSACTIONAL_ID_AUTHORIZATION_FAILED.code());
    }

    @Test
    void endTxnPrefixesTheTransactionalIdAndChecksWrite() {
        EndTxnRequestData request = new EndTxnRequestData().setTransactionalId("tx");
        forwarded(request, 4, new ScriptedTenant());
        assertThat(request.transactionalId()).isEqualTo("a.tx");

        EndTxnResponseData refused = answered(new EndTxnRequestData().setTransactionalId("tx"), 4,
                new ScriptedTenant().deny(AclOperation.WRITE, ResourceType.TRANSACTIONAL_ID, "tx"));
        assertThat(refused.errorCode()).isEqualTo(Errors.TRANSACTIONAL_ID_AUTHORIZATION_FAILED.code());
    }

    @Test
    void describeTransactionsUnprefixesIdsAndTopicsAndRefusesUndescribableIds() {
        ScriptedTenant tenant = new ScriptedTenant().deny(AclOperation.DESCRIBE, ResourceType.TRANSACTIONAL_ID, "secret")
                .deny(AclOperation.DESCRIBE, ResourceType.TOPIC, "hidden");
        DescribeTransactionsRequestData request = new DescribeTransactionsRequestData()
                .setTransactionalIds(List.of("tx", "secret"));

        Mapping.Forward forward = forwarded(request, 0, tenant);

        assertThat(request.transactionalIds()).containsExactly("a.tx");
        TopicDataCollection topics = new TopicDataCollection();
        for (String physical : List.of("a.orders", "a.hidden", "b.orders")) {
            topics.add(new TopicData().setTopic(physical).setPartitions(List.of(0)));
        }
        DescribeTransactionsResponseData tenantResponse = response(forward, new DescribeTransactionsResponseData()
                .setTransactionStates(List.of(new TransactionState().setTransactionalId("a.tx").setTopics(topics))),
                0);

        assertThat(tenantResponse.transactionStates()).extracting(TransactionState::transactionalId,
                        TransactionState::errorCode)
                .containsExactly(tuple("tx", Errors.NONE.code()),
                        tuple("secret", Errors.TRANSACTIONAL_ID_AUTHORIZATION_FAILED.code()));
        assertThat(tenantResponse.transactionStates().get(0).topics()).extracting(TopicData::topic)
                .containsExactly("orders");
        assertThat(tenantResponse.transactionStates().get(0).topics().find("orders")).isNotNull();
    }

    @Test
    void listTransactionsKeepsOnlyTheTenantsDescribableIdsUnprefixed() {
        ScriptedTenant tenant = new ScriptedTenant().deny(AclOperation.DESCRIBE, ResourceType.TRANSACTIONAL_ID, "hidden");

        Mapping.Forward forward = forwarded(new ListTransactionsRequestData(), 1, tenant);

        ListTransactionsResponseData tenantResponse = response(forward, new ListTransactionsResponseData()
                .setTransactionStates(List.of(
                        new ListTransactionsResponseData.TransactionState().setTransactionalId("a.tx"),
                        new ListTransactionsResponseData.TransactionState().setTransactionalId("a.hidden"),
                        new ListTransactionsResponseData.TransactionState().setTransactionalId("b.tx"))), 1);
        assertThat(tenantResponse.transactionStates())
                .extracting(ListTransactionsResponseData.TransactionState::transactionalId).containsExactly("tx");
    }

    @Test
    void listTransactionsConfinesTheIdPatternToTheTenantsPrefix() {
        ListTransactionsRequestData request = new ListTransactionsRequestData().setTransactionalIdPattern("tx-.*");

        forwarded(request, 2, new ScriptedTenant());

        assertThat(Pattern.matches(request.transactionalIdPattern(), "a.tx-1")).isTrue();
        assertThat(Pattern.matches(request.transactionalIdPattern(), "b.tx-1")).isFalse();

        ListTransactionsResponseData refused = answered(new ListTransactionsRequestData()
                .setTransactionalIdPattern("(.*"), 2, new ScriptedTenant());
        assertThat(refused.errorCode()).isEqualTo(Errors.INVALID_REGULAR_EXPRESSION.code());
    }
}
