package io.streamgate.core.frame;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Large response frames forwarded as their bytes arrive, when the policy agrees. */
class FrameStreamingTest {

    private final List<Integer> asked = new ArrayList<>();
    private boolean agree = true;
    private final KafkaFrameDecoder decoder = KafkaFrameDecoder.forResponses();
    private final EmbeddedChannel channel = new EmbeddedChannel(decoder);

    FrameStreamingTest() {
        decoder.streamFramesFrom(64, (correlationId, frameBytes) -> {
            asked.add(correlationId);
            return agree;
        });
    }

    @Test
    void aLargeFrameArrivingInPiecesIsEmittedPieceByPieceThenTheNextFrameWhole() {
        ByteBuf large = response(7, 200);
        ByteBuf small = response(8, 10);
        channel.writeInbound(large.retainedSlice(0, 50));
        channel.writeInbound(large.retainedSlice(50, 100));
        ByteBuf rest = Unpooled.buffer().writeBytes(large, 150, 54).writeBytes(small, 0, small.readableBytes());
        channel.writeInbound(rest);

        List<FramePiece> pieces = List.of(channel.readInbound(), channel.readInbound(), channel.readInbound());
        assertThat(pieces).extracting(FramePiece::first).containsExactly(true, false, false);
        assertThat(pieces).extracting(FramePiece::last).containsExactly(false, false, true);
        ByteBuf joined = Unpooled.buffer();
        pieces.forEach(piece -> {
            joined.writeBytes(piece.bytes());
            piece.bytes().release();
        });
        assertThat(ByteBufUtil.equals(joined, large)).as("the pieces make up the frame").isTrue();
        ByteBuf next = channel.readInbound();
        assertThat(next.getInt(4)).isEqualTo(8);
        assertThat(next.readableBytes()).isEqualTo(14);
        next.release();
        assertThat(asked).containsExactly(7);
        large.release();
        small.release();
        joined.release();
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void aFrameThePolicyRefusesIsHeldUntilWhole() {
        agree = false;
        ByteBuf large = response(7, 200);
        channel.writeInbound(large.retainedSlice(0, 50));
        assertThat((Object) channel.readInbound()).isNull();

        channel.writeInbound(large.retainedSlice(50, 154));

        ByteBuf whole = channel.readInbound();
        assertThat(whole.readableBytes()).isEqualTo(204);
        whole.release();
        large.release();
    }

    @Test
    void aSmallFrameOrOneThatArrivedWholeIsNeverStreamed() {
        ByteBuf small = response(1, 20);
        ByteBuf large = response(2, 200);
        channel.writeInbound(small.retainedSlice(0, 10));
        channel.writeInbound(small.retainedSlice(10, 14));
        channel.writeInbound(large.retain());

        ByteBuf first = channel.readInbound();
        ByteBuf second = channel.readInbound();
        assertThat(first.readableBytes()).isEqualTo(24);
        assertThat(second.readableBytes()).isEqualTo(204);
        assertThat(asked).isEmpty();
        first.release();
        second.release();
        small.release();
        large.release();
    }

    @Test
    void thePolicyIsAskedOnlyOnceTheFramesBeforeHaveBeenHandedOn() {
        List<Object> seenBeforeAsking = new ArrayList<>();
        EmbeddedChannel ordered = new EmbeddedChannel();
        KafkaFrameDecoder frames = KafkaFrameDecoder.forResponses();
        frames.streamFramesFrom(64, (correlationId, frameBytes) -> {
            ordered.inboundMessages().forEach(seenBeforeAsking::add);
            return true;
        });
        ordered.pipeline().addLast(frames);
        ByteBuf small = response(1, 10);
        ByteBuf large = response(2, 200);
        ordered.writeInbound(Unpooled.buffer().writeBytes(small, 0, 14).writeBytes(large, 0, 100));

        assertThat(seenBeforeAsking).hasSize(1);
        ((ByteBuf) ordered.readInbound()).release();
        ((FramePiece) ordered.readInbound()).bytes().release();
        ordered.writeInbound(large.retainedSlice(100, 104));
        FramePiece last = ordered.readInbound();
        assertThat(last.last()).isTrue();
        last.bytes().release();
        small.release();
        large.release();
        ordered.finishAndReleaseAll();
    }

    @Test
    void aConnectionClosedInTheMiddleOfAStreamedFrameIsReported() {
        ByteBuf large = response(7, 200);
        channel.writeInbound(large.retainedSlice(0, 50));
        ((FramePiece) channel.readInbound()).bytes().release();

        assertThatThrownBy(channel::finish).isInstanceOf(DecoderException.class)
                .cause().hasMessageContaining("154 bytes missing");
        large.release();
    }

    private static ByteBuf response(int correlationId, int bodyBytes) {
        ByteBuf frame = Unpooled.buffer().writeInt(bodyBytes).writeInt(correlationId);
        for (int i = 4; i < bodyBytes; i++) {
            frame.writeByte(i);
        }
        return frame;
    }
}
