package io.streamgate.core.listener;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.streamgate.core.metrics.GatewayMetrics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProtocolMismatchDetectorTest {

    private static final byte[] CLIENT_HELLO_START = {0x16, 0x03, 0x01, 0x00, (byte) 0xa5, 0x01};
    private static final byte[] KAFKA_FRAME_START = {0x00, 0x00, 0x00, 0x20, 0x00, 0x03, 0x00, 0x0c};

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final GatewayMetrics metrics = new GatewayMetrics(meters);

    @Test
    void closesAConnectionThatStartsATlsHandshakeOnAPlaintextListener() {
        EmbeddedChannel channel = new EmbeddedChannel(new ProtocolMismatchDetector("internal", false, metrics));

        channel.writeInbound(Unpooled.wrappedBuffer(CLIENT_HELLO_START));

        assertThat(channel.isOpen()).isFalse();
        assertThat(channel.<Object>readInbound()).isNull();
        assertThat(rejected("internal", "tls_on_plaintext")).isEqualTo(1);
    }

    @Test
    void closesAConnectionThatSendsPlaintextKafkaToATlsListener() {
        EmbeddedChannel channel = new EmbeddedChannel(new ProtocolMismatchDetector("external", true, metrics));

        channel.writeInbound(Unpooled.wrappedBuffer(KAFKA_FRAME_START));

        assertThat(channel.isOpen()).isFalse();
        assertThat(rejected("external", "plaintext_on_tls")).isEqualTo(1);
    }

    @Test
    void handsOnTheBytesOfTheExpectedProtocolAndStepsAside() {
        EmbeddedChannel channel = new EmbeddedChannel(new ProtocolMismatchDetector("internal", false, metrics));

        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {0x00}));
        assertThat(channel.<Object>readInbound()).as("one byte cannot decide").isNull();
        channel.writeInbound(Unpooled.wrappedBuffer(KAFKA_FRAME_START, 1, KAFKA_FRAME_START.length - 1));

        ByteBuf passed = channel.readInbound();
        assertThat(passed.readableBytes()).isEqualTo(KAFKA_FRAME_START.length);
        assertThat(passed.getInt(0)).isEqualTo(0x20);
        passed.release();
        assertThat(channel.pipeline().get(ProtocolMismatchDetector.class)).isNull();
        assertThat(channel.isOpen()).isTrue();
        assertThat(meters.find("streamgate.connections.rejected").counter()).isNull();
    }

    @Test
    void letsATlsHandshakeThroughToATlsListener() {
        EmbeddedChannel channel = new EmbeddedChannel(new ProtocolMismatchDetector("external", true, metrics));

        channel.writeInbound(Unpooled.wrappedBuffer(CLIENT_HELLO_START));

        ByteBuf passed = channel.readInbound();
        assertThat(passed.readableBytes()).isEqualTo(CLIENT_HELLO_START.length);
        passed.release();
        assertThat(channel.isOpen()).isTrue();
    }

    private double rejected(String listener, String reason) {
        return meters.get("streamgate.connections.rejected").tag("listener", listener).tag("reason", reason)
                .counter().count();
    }
}
