package io.streamgate.plugins.audit.event;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.message.ApiVersionsRequestData;
import org.apache.kafka.common.message.DeleteTopicsRequestData;
import org.apache.kafka.common.message.IncrementalAlterConfigsRequestData;
import org.apache.kafka.common.message.MetadataRequestData;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.message.ShareFetchRequestData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RequestTopicsTest {

    @Test
    void readsProduceTopicsByNameOrById() {
        Uuid id = Uuid.randomUuid();
        ProduceRequestData.TopicProduceDataCollection topics = new ProduceRequestData.TopicProduceDataCollection();
        topics.add(new ProduceRequestData.TopicProduceData().setName("a"));
        topics.add(new ProduceRequestData.TopicProduceData().setTopicId(id));

        RequestTopics read = RequestTopics.of(ApiKeys.PRODUCE, new ProduceRequestData().setTopicData(topics));

        assertThat(read.names()).containsExactly("a");
        assertThat(read.ids()).containsExactly(id);
    }

    @Test
    void readsDeleteTopicsOfEveryVersionWithoutRepeats() {
        Uuid id = Uuid.randomUuid();
        DeleteTopicsRequestData delete = new DeleteTopicsRequestData().setTopicNames(List.of("a", "b"))
                .setTopics(List.of(new DeleteTopicsRequestData.DeleteTopicState().setName("a"),
                        new DeleteTopicsRequestData.DeleteTopicState().setTopicId(id)));

        RequestTopics read = RequestTopics.of(ApiKeys.DELETE_TOPICS, delete);

        assertThat(read.names()).containsExactly("a", "b");
        assertThat(read.ids()).containsExactly(id);
    }

    @Test
    void readsOnlyTopicResourcesOfConfigRequests() {
        IncrementalAlterConfigsRequestData.AlterConfigsResourceCollection resources =
                new IncrementalAlterConfigsRequestData.AlterConfigsResourceCollection();
        resources.add(new IncrementalAlterConfigsRequestData.AlterConfigsResource()
                .setResourceType(ConfigResource.Type.TOPIC.id()).setResourceName("orders"));
        resources.add(new IncrementalAlterConfigsRequestData.AlterConfigsResource()
                .setResourceType(ConfigResource.Type.BROKER.id()).setResourceName("1"));

        assertThat(RequestTopics.of(ApiKeys.INCREMENTAL_ALTER_CONFIGS,
                new IncrementalAlterConfigsRequestData().setResources(resources)).names()).containsExactly("orders");
    }

    @Test
    void readsNoTopicFromAMetadataRequestForAllTopicsOrFromApisWithoutTopics() {
        assertThat(RequestTopics.of(ApiKeys.METADATA, new MetadataRequestData().setTopics(null)).isEmpty()).isTrue();
        assertThat(RequestTopics.of(ApiKeys.API_VERSIONS, new ApiVersionsRequestData()).isEmpty()).isTrue();
    }

    @Test
    void readsShareFetchTopicIds() {
        Uuid id = Uuid.randomUuid();
        ShareFetchRequestData.FetchTopicCollection topics = new ShareFetchRequestData.FetchTopicCollection();
        topics.add(new ShareFetchRequestData.FetchTopic().setTopicId(id));

        assertThat(RequestTopics.of(ApiKeys.SHARE_FETCH, new ShareFetchRequestData().setTopics(topics)).ids())
                .containsExactly(id);
    }
}
