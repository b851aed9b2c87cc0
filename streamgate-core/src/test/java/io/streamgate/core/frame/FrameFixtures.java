package io.streamgate.core.frame;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.streamgate.core.protocol.KafkaMessageCodec;
import org.apache.kafka.common.message.RequestHeaderData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;

/** Real request frames, encoded by kafka-clients' classes, for tests. */
public final class FrameFixtures {

    private FrameFixtures() {
    }

    public static ByteBuf requestFrame(ApiMessage body, short version, int correlationId, String clientId) {
        RequestHeaderData header = new RequestHeaderData()
                .setRequestApiKey(body.apiKey())
                .setRequestApiVersion(version)
                .setCorrelationId(correlationId)
                .setClientId(clientId);
        return KafkaMessageCodec.encodeRequest(UnpooledByteBufAllocator.DEFAULT, header, body);
    }

    public static ByteBuf responseFrame(ApiKeys apiKey, ApiMessage body, short version, int correlationId) {
        return KafkaMessageCodec.encodeResponse(UnpooledByteBufAllocator.DEFAULT, apiKey, version, correlationId, body);
    }
}
