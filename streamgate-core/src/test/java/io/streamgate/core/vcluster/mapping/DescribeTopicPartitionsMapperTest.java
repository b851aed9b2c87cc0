package io.streamgate.core.vcluster.mapping;

import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.message.DescribeTopicPartitionsRequestData;
import org.apache.kafka.common.message.DescribeTopicPartitionsRequestData.Cursor;
import org.apache.kafka.common.message.DescribeTopicPartitionsRequestData.TopicRequest;
import org.apache.kafka.common.message.DescribeTopicPartitionsResponseData;
import org.apache.kafka.common.message.DescribeTopicPartitionsResponseData.DescribeTopicPartitionsResponseTopic;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.streamgate.core.vcluster.mapping.Mappings.answered;
import static io.streamgate.core.vcluster.mapping.Mappings.mapped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class DescribeTopicPartitionsMapperTest {

    private static final short VERSION = 0;
    private final DescribeTopicPartitionsMapper mapper = new DescribeTopicPartitionsMapper();
    private final ScriptedTenant tenant = new ScriptedTenant().alias("shared", "public.shared", true);

    @Test
    void describesThePhysicalTopicsFromThePhysicalCursor() {
        tenant.deny(AclOperation.DESCRIBE, ResourceType.TOPIC, "secret");
        DescribeTopicPartitionsRequestData request = new DescribeTopicPartitionsRequestData()
                .setTopics(topics("orders", "shared", "secret"))
                .setCursor(new Cursor().setTopicName("orders").setPartitionIndex(5));

        Mapping mapping = mapper.map(request, VERSION, tenant);

        assertThat(request.topics()).extracting(TopicRequest::name).containsExactly("a.orders", "public.shared");
        assertThat(request.cursor().topicName()).isEqualTo("a.orders");
        DescribeTopicPartitionsResponseData broker = response("a.orders", "public.shared")
                .setNextCursor(new DescribeTopicPartitionsResponseData.Cursor().setTopicName("public.shared")
                        .setPartitionIndex(2));
        DescribeTopicPartitionsResponseData response = mapped(mapping, broker, VERSION);
        assertThat(response.topics()).extracting(DescribeTopicPartitionsResponseTopic::name,
                        DescribeTopicPartitionsResponseTopic::errorCode)
                .containsExactly(tuple("orders", Errors.NONE.code()), tuple("shared", Errors.NONE.code()),
                        tuple("secret", Errors.TOPIC_AUTHORIZATION_FAILED.code()));
        assertThat(response.nextCursor().topicName()).isEqualTo("shared");
    }

    @Test
    void aListingStartsAtThePrefixAndEndsWhereTheTenantsTopicsEnd() {
        DescribeTopicPartitionsRequestData request = new DescribeTopicPartitionsRequestData();

        Mapping mapping = mapper.map(request, VERSION, tenant);

        assertThat(request.topics()).isEmpty();
        assertThat(request.cursor().topicName()).isEqualTo("a.");
        DescribeTopicPartitionsResponseData broker = response("a.orders", "b.orders")
                .setNextCursor(new DescribeTopicPartitionsResponseData.Cursor().setTopicName("b.payments"));
        DescribeTopicPartitionsResponseData response = mapped(mapping, broker, VERSION);
        assertThat(response.topics()).extracting(DescribeTopicPartitionsResponseTopic::name)
                .containsExactly("orders");
        assertThat(response.nextCursor()).isNull();
    }

    @Test
    void aRequestWhoseTopicsAreAllRefusedIsAnsweredRatherThanSentAsAListing() {
        tenant.deny(AclOperation.DESCRIBE, ResourceType.TOPIC, "secret");

        DescribeTopicPartitionsResponseData response = answered(mapper.map(
                new DescribeTopicPartitionsRequestData().setTopics(topics("secret")), VERSION, tenant));

        assertThat(WireForm.roundTrip(response, VERSION).topics()).extracting(
                DescribeTopicPartitionsResponseTopic::name, DescribeTopicPartitionsResponseTopic::errorCode)
                .containsExactly(tuple("secret", Errors.TOPIC_AUTHORIZATION_FAILED.code()));
    }

    private static List<TopicRequest> topics(String... names) {
        List<TopicRequest> topics = new ArrayList<>();
        for (String name : names) {
            topics.add(new TopicRequest().setName(name));
        }
        return topics;
    }

    private static DescribeTopicPartitionsResponseData response(String... physicalTopics) {
        DescribeTopicPartitionsResponseData response = new DescribeTopicPartitionsResponseData();
        for (String topic : physicalTopics) {
            response.topics().add(new DescribeTopicPartitionsResponseTopic().setName(topic));
        }
        return response;
    }
}
