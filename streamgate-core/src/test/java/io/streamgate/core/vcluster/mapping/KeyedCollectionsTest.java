package io.streamgate.core.vcluster.mapping;

import org.apache.kafka.common.message.CreateTopicsRequestData.CreatableTopic;
import org.apache.kafka.common.message.CreateTopicsRequestData.CreatableTopicCollection;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeyedCollectionsTest {

    @Test
    void renamedElementsAreFoundUnderTheirNewNamesInTheirOrder() {
        CreatableTopicCollection topics = new CreatableTopicCollection();
        topics.add(new CreatableTopic().setName("orders"));
        topics.add(new CreatableTopic().setName("secret"));
        topics.add(new CreatableTopic().setName("payments"));

        KeyedCollections.retainRenamed(topics, topic -> {
            topic.setName("a." + topic.name());
            return !topic.name().equals("a.secret");
        });

        assertThat(topics).extracting(CreatableTopic::name).containsExactly("a.orders", "a.payments");
        assertThat(topics.find("a.orders")).isNotNull();
        assertThat(topics.find("orders")).isNull();
        assertThat(topics.add(new CreatableTopic().setName("a.audit"))).isTrue();
    }
}
