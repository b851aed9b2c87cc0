package io.streamgate.app;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free port pairs for application tests: the gateway binds a bootstrap port and one broker port after it.
 *
 * <p>Ports are drawn from below the kernel's ephemeral range (32768 and up on Linux). The embedded Kafka
 * an application starts opens many outgoing connections before the gateway binds, and those take ephemeral
 * ports; a port drawn from that range (as {@code bind(0)} does) can be taken in between, most of all when a
 * test restarts the application on the same port.
 */
final class GatewayPorts {

    private static final int LOWEST = 10_000;
    private static final int EPHEMERAL_LOW = 32_768;

    private GatewayPorts() {
    }

    /** A port that is free, and whose successor is free too, right now. */
    static int freePair() throws IOException {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, EPHEMERAL_LOW - 1);
            if (isFree(port) && isFree(port + 1)) {
                return port;
            }
        }
        throw new IOException("no two consecutive free ports below " + EPHEMERAL_LOW);
    }

    private static boolean isFree(int port) {
        try (ServerSocket probe = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort() == port;
        } catch (IOException taken) {
            return false;
        }
    }
}
