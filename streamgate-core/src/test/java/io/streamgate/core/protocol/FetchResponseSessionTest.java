package io.streamgate.core.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FetchResponseSessionTest {

    @Test
    void readsTheSessionIdOfEveryFetchVersionThatHasOneWithoutDecoding() {
        for (short version = 4; version <= ApiKeys.FETCH.latestVersion(); version++) {
            ByteBuf frame = KafkaMessageCodec.encodeResponse(UnpooledByteBufAllocator.DEFAULT, ApiKeys.FETCH, version,
                    42, new FetchResponseData().setThrottleTimeMs(5).setSessionId(version >= 7 ? 123_456_789 : 0));
            try {
                assertThat(FetchResponseSession.sessionId(frame, version)).as("v%d", version)
                        .isEqualTo(version >= 7 ? 123_456_789 : 0);
                assertThat(FetchResponseSession.sessionId(frame.slice(0, 12), version)).as("v%d, cut short", version)
                        .isZero();
            } finally {
                frame.release();
            }
        }
    }
}
