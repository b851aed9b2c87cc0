package io.streamgate.core.vcluster.mapping;

import io.streamgate.core.vcluster.AliasTopic;
import io.streamgate.core.vcluster.TenantNamespace;
import org.apache.kafka.common.message.CreateTopicsResponseData;
import org.apache.kafka.common.message.ProduceResponseData;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorMessageScrubberTest {

    private final TenantNamespace names = new TenantNamespace("a.", List.of(
            new AliasTopic("a", "prices", "market-prices", false)));

    @Test
    void scrubsErrorMessagesAtEveryDepthIncludingProducesRecordErrors() {
        ProduceResponseData produce = new ProduceResponseData();
        ProduceResponseData.TopicProduceResponse topic = new ProduceResponseData.TopicProduceResponse().setName("x");
        topic.partitionResponses().add(new ProduceResponseData.PartitionProduceResponse()
                .setErrorMessage("Compacted topic cannot accept message without key in topic partition a.orders-0.")
                .setRecordErrors(List.of(new ProduceResponseData.BatchIndexAndErrorMessage()
                        .setBatchIndexErrorMessage("market-prices-0 rejected it"))));
        produce.responses().add(topic);

        ErrorMessageScrubber.scrub(produce, names);

        ProduceResponseData.PartitionProduceResponse partition = produce.responses().iterator().next()
                .partitionResponses().get(0);
        assertThat(partition.errorMessage())
                .isEqualTo("Compacted topic cannot accept message without key in topic partition orders-0.");
        assertThat(partition.recordErrors().get(0).batchIndexErrorMessage()).isEqualTo("prices-0 rejected it");
    }

    @Test
    void leavesNamesAloneThatAreNotErrorMessages() {
        CreateTopicsResponseData created = new CreateTopicsResponseData();
        created.topics().add(new CreateTopicsResponseData.CreatableTopicResult().setName("a.kept")
                .setErrorMessage("Topic 'a.kept' already exists."));

        ErrorMessageScrubber.scrub(created, names);

        CreateTopicsResponseData.CreatableTopicResult result = created.topics().iterator().next();
        assertThat(result.name()).isEqualTo("a.kept");
        assertThat(result.errorMessage()).isEqualTo("Topic 'kept' already exists.");
    }
}
