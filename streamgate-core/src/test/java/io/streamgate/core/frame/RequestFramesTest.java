package io.streamgate.core.frame;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.streamgate.core.protocol.DecodedRequest;
import io.streamgate.core.protocol.KafkaMessageCodec;
import org.apache.kafka.common.message.MetadataRequestData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RequestFramesTest {

    private static final MetadataRequestData METADATA = new MetadataRequestData().setTopics(List.of(
            new MetadataRequestData.MetadataRequestTopic().setName("orders")));

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

    /** Metadata v8 has request header v1 (client id), v9 and later header v2 (client id, then tagged fields). */
    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
            "8, client-é, team-client-é", "12, client-é, team-client-é", "8, NULL, named", "12, NULL, named",
            "8, '', named", "12, '', named", "12, a-much-longer-client-id-than-before, x", "12, client, ''"})
    void replacesTheClientIdWithoutTouchingTheRestOfTheRequest(short version, String clientId, String replacement) {
        ByteBuf frame = FrameFixtures.requestFrame(METADATA, version, 1234, clientId);
        short headerVersion = ApiKeys.METADATA.requestHeaderVersion(version);

        ByteBuf spliced = RequestFrames.withClientId(UnpooledByteBufAllocator.DEFAULT, frame, headerVersion,
                replacement.getBytes(StandardCharsets.UTF_8));

        assertThat(spliced.getInt(0)).isEqualTo(spliced.readableBytes() - 4);
        assertThat(RequestFrames.correlationId(spliced)).isEqualTo(1234);
        DecodedRequest decoded = KafkaMessageCodec.decodeRequest(spliced, ApiKeys.METADATA, version);
        assertThat(decoded.header().clientId()).isEqualTo(replacement);
        assertThat(decoded.header().requestApiVersion()).isEqualTo(version);
        assertThat(decoded.body()).isEqualTo(METADATA);
        assertThat(spliced.release()).isTrue();
        assertThat(frame.refCnt()).isZero();
    }

    @ParameterizedTest
    @ValueSource(shorts = {8, 12})
    void leavesTheBodyInTheOriginalBytes(short version) {
        ByteBuf frame = FrameFixtures.requestFrame(METADATA, version, 1, "client");
        int bodyOffset = RequestFrames.bodyOffset(frame, ApiKeys.METADATA.requestHeaderVersion(version));
        ByteBuf spliced = RequestFrames.withClientId(UnpooledByteBufAllocator.DEFAULT, frame,
                ApiKeys.METADATA.requestHeaderVersion(version), "longer-client".getBytes(StandardCharsets.UTF_8));

        frame.setByte(bodyOffset, frame.getByte(bodyOffset) + 1); // visible through the splice: shared, not copied

        assertThat(spliced.getByte(bodyOffset + "longer-".length())).isEqualTo(frame.getByte(bodyOffset));
        spliced.release();
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
            "client-é, client-é, true", "client-é, client-e, false", "client, client-1, false", "'', '', true",
            "NULL, NULL, true", "NULL, '', false", "'', NULL, false", "client, NULL, false"})
    void comparesTheClientIdInPlace(String inFrame, String compared, boolean same) {
        for (short version : new short[]{8, 12}) {
            ByteBuf frame = FrameFixtures.requestFrame(METADATA, version, 1, inFrame);
            short headerVersion = ApiKeys.METADATA.requestHeaderVersion(version);

            assertThat(RequestFrames.hasClientId(frame, headerVersion,
                    compared == null ? null : compared.getBytes(StandardCharsets.UTF_8))).isEqualTo(same);
            assertThat(RequestFrames.clientIdOf(RequestFrames.clientIdBytes(frame, headerVersion))).isEqualTo(inFrame);
            frame.release();
        }
    }
}
