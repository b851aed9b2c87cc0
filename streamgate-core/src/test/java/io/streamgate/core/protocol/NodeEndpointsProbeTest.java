package io.streamgate.core.protocol;

import io.netty.buffer.ByteBuf;
import io.streamgate.core.frame.FrameFixtures;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.message.ProduceResponseData;
import org.apache.kafka.common.message.ShareAcknowledgeResponseData;
import org.apache.kafka.common.message.ShareFetchResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.SimpleRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class NodeEndpointsProbeTest {

    static Stream<Arguments> responsesThatCanCarryEndpoints() {
        Stream.Builder<Arguments> cases = Stream.builder();
        for (ApiKeys apiKey : new ApiKeys[] {ApiKeys.PRODUCE, ApiKeys.FETCH, ApiKeys.SHARE_FETCH,
                ApiKeys.SHARE_ACKNOWLEDGE}) {
            for (short version = apiKey.oldestVersion(); version <= apiKey.latestVersion(); version++) {
                if (NodeEndpointsProbe.applies(apiKey, version)) {
                    cases.add(Arguments.of(apiKey, version));
                }
            }
        }
        return cases.build();
    }

    @Test
    void appliesFromTheVersionsThatIntroducedNodeEndpoints() {
        assertThat(NodeEndpointsProbe.applies(ApiKeys.PRODUCE, (short) 9)).isFalse();
        assertThat(NodeEndpointsProbe.applies(ApiKeys.PRODUCE, (short) 10)).isTrue();
        assertThat(NodeEndpointsProbe.applies(ApiKeys.FETCH, (short) 15)).isFalse();
        assertThat(NodeEndpointsProbe.applies(ApiKeys.FETCH, (short) 16)).isTrue();
        assertThat(NodeEndpointsProbe.applies(ApiKeys.SHARE_FETCH, ApiKeys.SHARE_FETCH.latestVersion())).isTrue();
        assertThat(NodeEndpointsProbe.applies(ApiKeys.METADATA, (short) 12)).isFalse();
    }

    @ParameterizedTest(name = "{0} v{1}")
    @MethodSource("responsesThatCanCarryEndpoints")
    void seesNoEndpointsInAnOrdinaryResponseFullOfRecords(ApiKeys apiKey, short version) {
        ByteBuf frame = FrameFixtures.responseFrame(apiKey, response(apiKey, false), version, 5);

        assertThat(NodeEndpointsProbe.carriesEndpoints(frame, apiKey, version)).isFalse();
        frame.release();
    }

    @ParameterizedTest(name = "{0} v{1}")
    @MethodSource("responsesThatCanCarryEndpoints")
    void seesEndpointsWhenALeaderMoved(ApiKeys apiKey, short version) {
        ByteBuf frame = FrameFixtures.responseFrame(apiKey, response(apiKey, true), version, 5);

        assertThat(NodeEndpointsProbe.carriesEndpoints(frame, apiKey, version)).isTrue();
        frame.release();
    }

    private static ApiMessage response(ApiKeys apiKey, boolean withEndpoints) {
        MemoryRecords records = MemoryRecords.withRecords(Compression.NONE,
                new SimpleRecord("key".getBytes(StandardCharsets.UTF_8), new byte[2048]),
                new SimpleRecord("key2".getBytes(StandardCharsets.UTF_8), new byte[512]));
        Uuid topicId = Uuid.randomUuid();
        return switch (apiKey) {
            case PRODUCE -> {
                ProduceResponseData produce = new ProduceResponseData();
                ProduceResponseData.TopicProduceResponse topic = new ProduceResponseData.TopicProduceResponse()
                        .setName("orders").setTopicId(topicId);
                topic.partitionResponses().add(new ProduceResponseData.PartitionProduceResponse().setIndex(0)
                        .setBaseOffset(42));
                produce.responses().add(topic);
                if (withEndpoints) {
                    produce.nodeEndpoints().add(new ProduceResponseData.NodeEndpoint().setNodeId(2)
                            .setHost("kafka-2.internal").setPort(9092));
                }
                yield produce;
            }
            case FETCH -> {
                FetchResponseData fetch = new FetchResponseData();
                FetchResponseData.FetchableTopicResponse topic = new FetchResponseData.FetchableTopicResponse()
                        .setTopic("orders").setTopicId(topicId);
                for (int p = 0; p < 3; p++) {
                    topic.partitions().add(new FetchResponseData.PartitionData().setPartitionIndex(p)
                            .setHighWatermark(100).setRecords(records));
                }
                fetch.responses().add(topic);
                if (withEndpoints) {
                    fetch.nodeEndpoints().add(new FetchResponseData.NodeEndpoint().setNodeId(2)
                            .setHost("kafka-2.internal").setPort(9092));
                }
                yield fetch;
            }
            case SHARE_FETCH -> {
                ShareFetchResponseData shareFetch = new ShareFetchResponseData();
                ShareFetchResponseData.ShareFetchableTopicResponse topic =
                        new ShareFetchResponseData.ShareFetchableTopicResponse().setTopicId(topicId);
                topic.partitions().add(new ShareFetchResponseData.PartitionData().setPartitionIndex(0)
                        .setRecords(records));
                shareFetch.responses().add(topic);
                if (withEndpoints) {
                    shareFetch.nodeEndpoints().add(new ShareFetchResponseData.NodeEndpoint().setNodeId(2)
                            .setHost("kafka-2.internal").setPort(9092));
                }
                yield shareFetch;
            }
            case SHARE_ACKNOWLEDGE -> {
                ShareAcknowledgeResponseData ack = new ShareAcknowledgeResponseData();
                if (withEndpoints) {
                    ack.nodeEndpoints().add(new ShareAcknowledgeResponseData.NodeEndpoint().setNodeId(2)
                            .setHost("kafka-2.internal").setPort(9092));
                }
                yield ack;
            }
            default -> throw new IllegalArgumentException(apiKey.name);
        };
    }
}
