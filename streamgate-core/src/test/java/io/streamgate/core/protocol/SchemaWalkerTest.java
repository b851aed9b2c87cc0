package io.streamgate.core.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.streamgate.core.frame.Varints;
import org.apache.kafka.common.message.RequestHeaderData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.types.Schema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The walker must know every type kafka-clients' schemas use, or it would stop short of a field. */
class SchemaWalkerTest {

    static Stream<Arguments> everyApiAndVersion() {
        Stream.Builder<Arguments> cases = Stream.builder();
        for (ApiKeys apiKey : ApiKeys.values()) {
            for (short version = apiKey.oldestVersion(); version <= apiKey.latestVersion(); version++) {
                cases.add(Arguments.of(apiKey, version));
            }
        }
        return cases.build();
    }

    @ParameterizedTest(name = "{0} v{1}")
    @MethodSource("everyApiAndVersion")
    void stepsOverAWholeResponseBody(ApiKeys apiKey, short version) {
        ApiMessage response = apiKey.messageType.newResponse();
        ByteBuf frame = KafkaMessageCodec.encodeResponse(UnpooledByteBufAllocator.DEFAULT, apiKey, version, 1, response);
        int bodyStart = 8;
        if (apiKey.responseHeaderVersion(version) >= 1) {
            bodyStart = Varints.skipTaggedFields(frame, bodyStart);
        }
        Schema schema = apiKey.messageType.responseSchemas()[version];

        assertThat(SchemaWalker.skip(schema, frame, bodyStart)).isEqualTo(frame.writerIndex());
        frame.release();
    }

    @ParameterizedTest(name = "{0} v{1}")
    @MethodSource("everyApiAndVersion")
    void stepsOverAWholeRequestBody(ApiKeys apiKey, short version) {
        ApiMessage request = apiKey.messageType.newRequest();
        RequestHeaderData header = new RequestHeaderData().setRequestApiKey(apiKey.id).setRequestApiVersion(version)
                .setClientId("walker");
        ByteBuf frame = KafkaMessageCodec.encodeRequest(UnpooledByteBufAllocator.DEFAULT, header, request);
        int bodyStart = io.streamgate.core.frame.RequestFrames.bodyOffset(frame, apiKey.requestHeaderVersion(version));
        Schema schema = apiKey.messageType.requestSchemas()[version];

        assertThat(SchemaWalker.skip(schema, frame, bodyStart)).isEqualTo(frame.writerIndex());
        frame.release();
    }

    @org.junit.jupiter.api.Test
    void neverMovesTheReaderIndex() {
        ByteBuf buf = Unpooled.buffer().writeShort(3).writeBytes(new byte[] {'a', 'b', 'c'});

        assertThat(SchemaWalker.skip(org.apache.kafka.common.protocol.types.Type.STRING, buf, 0)).isEqualTo(5);
        assertThat(buf.readerIndex()).isZero();
    }
}
