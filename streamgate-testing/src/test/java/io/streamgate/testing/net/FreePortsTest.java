package io.streamgate.testing.net;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class FreePortsTest {

    @Test
    void allocatesDistinctBindablePorts() throws Exception {
        int[] ports = FreePorts.allocate(20);

        assertThat(Arrays.stream(ports).distinct().count()).isEqualTo(20);
        for (int port : ports) {
            try (ServerSocket socket = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
                assertThat(socket.getLocalPort()).isEqualTo(port);
            }
        }
    }

    @Test
    void neverHandsOutAPortTwice() {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            for (int port : FreePorts.allocate(4)) {
                assertThat(seen.add(port)).as("port %d handed out again", port).isTrue();
            }
        }
    }

    @Test
    void findsABlockOfConsecutiveFreePortsAndSkipsItAfterwards() throws Exception {
        int base = FreePorts.consecutive(4);

        for (int port = base; port < base + 4; port++) {
            try (ServerSocket socket = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
                assertThat(socket.getLocalPort()).isEqualTo(port);
            }
        }
        int[] later = FreePorts.allocate(100);
        assertThat(IntStream.of(later)).noneMatch(port -> port >= base && port < base + 4);
    }

    @Test
    void treatsABoundPortAsTaken() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            assertThat(FreePorts.isFree(socket.getLocalPort())).isFalse();
        }
    }
}
