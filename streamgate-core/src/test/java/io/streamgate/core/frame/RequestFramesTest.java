package io.streamgate.core.frame;

import io.netty.buffer.ByteBuf;
import org.apache.kafka.common.message.MetadataRequestData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RequestFramesTest {

    @ParameterizedTest
    @ValueSource(shorts = {0, 8, 9, 12, 13})
    void readsAndPatchesHeaderFieldsAtEveryHeaderVersion(short version) {
        ByteBuf frame = FrameFixtures.requestFrame(new MetadataRequestData(), version, 1234, "client-é");

        assertThat(RequestFrames.apiKey(frame)).isEqualTo(ApiKeys.METADATA.id);
        assertThat(RequestFrames.apiVersion(frame)).isEqualTo(version);
        assertThat(RequestFrames.correlationId(frame)).isEqualTo(1234);

        RequestFrames.setCorrelationId(frame, 77);
        assertThat(RequestFrames.correlationId(frame)).isEqualTo(77);
        frame.release();
    }
}
