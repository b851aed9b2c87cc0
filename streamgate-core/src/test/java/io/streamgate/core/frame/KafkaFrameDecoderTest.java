package io.streamgate.core.frame;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaFrameDecoderTest {

    private final EmbeddedChannel channel = new EmbeddedChannel(KafkaFrameDecoder.forRequests(1024));

    @Test
    void emitsEachFrameWithItsLengthPrefixAsASliceOfTheBytesRead() {
        ByteBuf input = Unpooled.buffer();
        input.writeBytes(frame(12)).writeBytes(frame(20));

        channel.writeInbound(input);

        ByteBuf first = channel.readInbound();
        ByteBuf second = channel.readInbound();
        assertThat(first.readableBytes()).isEqualTo(4 + 12);
        assertThat(first.getInt(0)).isEqualTo(12);
        assertThat(second.readableBytes()).isEqualTo(4 + 20);
        assertThat(first.unwrap()).as("a slice, not a copy").isNotNull();
        first.release();
        second.release();
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void waitsForTheRestOfAFrameSplitAcrossReads() {
        ByteBuf whole = frame(100);
        channel.writeInbound(whole.retainedSlice(0, 3));
        channel.writeInbound(whole.retainedSlice(3, 50));
        assertThat((Object) channel.readInbound()).isNull();

        channel.writeInbound(whole.retainedSlice(53, whole.readableBytes() - 53));

        ByteBuf frame = channel.readInbound();
        assertThat(frame.readableBytes()).isEqualTo(104);
        assertThat(frame.getByte(103)).isEqualTo(whole.getByte(103));
        frame.release();
        whole.release();
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void appliesAChangedLimitFromTheNextFrameOn() {
        KafkaFrameDecoder decoder = channel.pipeline().get(KafkaFrameDecoder.class);
        decoder.maxFrameBytes(16);
        assertThat(decoder.maxFrameBytes()).isEqualTo(16);
        assertThatThrownBy(() -> channel.writeInbound(frame(20)))
                .isInstanceOf(DecoderException.class)
                .cause().hasMessage("frame of 20 bytes exceeds the limit of 16 bytes");
    }

    @Test
    void acceptsLargerFramesOnceTheLimitIsRaised() {
        KafkaFrameDecoder decoder = channel.pipeline().get(KafkaFrameDecoder.class);
        decoder.maxFrameBytes(16);
        channel.writeInbound(frame(12));
        decoder.maxFrameBytes(1024);
        channel.writeInbound(frame(500));

        ByteBuf small = channel.readInbound();
        ByteBuf large = channel.readInbound();
        assertThat(large.readableBytes()).isEqualTo(504);
        small.release();
        large.release();
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void rejectsAFrameLargerThanTheLimit() {
        ByteBuf oversized = Unpooled.buffer().writeInt(1025).writeZero(16);

        assertThatThrownBy(() -> channel.writeInbound(oversized))
                .isInstanceOf(DecoderException.class)
                .cause().hasMessage("frame of 1025 bytes exceeds the limit of 1024 bytes");
        assertThat(oversized.refCnt()).isZero();
    }

    @Test
    void rejectsANegativeLength() {
        assertThatThrownBy(() -> channel.writeInbound(Unpooled.buffer().writeInt(-5).writeZero(8)))
                .cause().isInstanceOf(FrameException.class).hasMessage("negative frame length -5");
    }

    @Test
    void rejectsAFrameTooShortForARequestHeader() {
        assertThatThrownBy(() -> channel.writeInbound(Unpooled.buffer().writeInt(3).writeZero(3)))
                .cause().hasMessage("frame of 3 bytes is too short to hold a Kafka header");
    }

    @Test
    void recognisesATlsClientHelloOnAPlaintextPort() {
        ByteBuf clientHello = Unpooled.wrappedBuffer(new byte[] {0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, (byte) 0xfc});

        assertThatThrownBy(() -> channel.writeInbound(clientHello))
                .cause().hasMessageStartingWith("TLS handshake (ClientHello) received on a plaintext Kafka port");
    }

    @Test
    void recognisesAnHttpRequest() {
        ByteBuf http = Unpooled.copiedBuffer("GET /metrics HTTP/1.1\r\n\r\n", StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> channel.writeInbound(http))
                .cause().hasMessageStartingWith("HTTP request received on a Kafka port");
    }

    @Test
    void discardsEverythingAfterAnError() {
        assertThatThrownBy(() -> channel.writeInbound(Unpooled.buffer().writeInt(-1)));
        ByteBuf valid = frame(10);

        channel.writeInbound(valid);

        assertThat((Object) channel.readInbound()).isNull();
        assertThat(valid.refCnt()).isZero();
    }

    @Test
    void reportsAConnectionClosedInTheMiddleOfAFrame() {
        ByteBuf whole = frame(40);
        channel.writeInbound(whole.readRetainedSlice(20));
        whole.release();

        assertThatThrownBy(channel::finish)
                .cause().hasMessage("connection closed in the middle of a frame: received 20 of 44 bytes");
    }

    @Test
    void acceptsAResponseOnlyFourBytesLong() {
        EmbeddedChannel responses = new EmbeddedChannel(KafkaFrameDecoder.forResponses());
        responses.writeInbound(Unpooled.buffer().writeInt(4).writeInt(42));

        ByteBuf frame = responses.readInbound();
        assertThat(ResponseFrames.correlationId(frame)).isEqualTo(42);
        frame.release();
        assertThat(responses.finish()).isFalse();
    }

    private static ByteBuf frame(int bodyBytes) {
        ByteBuf frame = Unpooled.buffer(4 + bodyBytes).writeInt(bodyBytes);
        for (int i = 0; i < bodyBytes; i++) {
            frame.writeByte(i);
        }
        return frame;
    }
}
