package io.streamgate.core.protocol;

import io.netty.buffer.ByteBuf;
import io.streamgate.core.frame.FrameFixtures;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ProduceRequestsTest {

    static Stream<Arguments> everyVersionAcksAndTransactionalId() {
        Stream.Builder<Arguments> cases = Stream.builder();
        for (short version = ApiKeys.PRODUCE.oldestVersion(); version <= ApiKeys.PRODUCE.latestVersion(); version++) {
            for (short acks : new short[] {0, 1, -1}) {
                cases.add(Arguments.of(version, acks, null));
                cases.add(Arguments.of(version, acks, "payments-tx-1"));
            }
        }
        return cases.build();
    }

    @ParameterizedTest
    @MethodSource("everyVersionAcksAndTransactionalId")
    void peeksAcksWithoutDecodingTheRequest(short version, short acks, String transactionalId) {
        ProduceRequestData request = new ProduceRequestData().setAcks(acks).setTimeoutMs(30_000)
                .setTransactionalId(transactionalId);
        ByteBuf frame = FrameFixtures.requestFrame(request, version, 9, "producer-1");

        assertThat(ProduceRequests.acks(frame, version)).isEqualTo(acks);
        frame.release();
    }
}
