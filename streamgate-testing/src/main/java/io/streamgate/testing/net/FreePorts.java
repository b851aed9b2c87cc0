package io.streamgate.testing.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Hands out TCP ports on {@code 127.0.0.1} that are free at the time of the call and that this JVM has not
 * handed out before.
 *
 * <p>A port is free when a {@link ServerSocket} can bind it. Nothing holds the port afterwards, so another
 * process could still take it before the server that asked for it binds; two measures keep that unlikely:
 * ports are drawn at random from below the kernel's ephemeral range (which outgoing connections and
 * {@code bind(0)} use, so they are the ports most likely to be taken in the meantime), and a port is never
 * handed out twice by one JVM, so two servers started by the same test run never race for one port.
 *
 * <p>Thread-safe.
 */
public final class FreePorts {

    /** Below this, ports belong to well-known and commonly configured services. */
    private static final int LOWEST_PORT = 10_000;
    private static final int DEFAULT_EPHEMERAL_LOW = 32_768;
    private static final int MAX_ATTEMPTS = 10_000;

    private static final Set<Integer> HANDED_OUT = new HashSet<>();
    private static final int HIGHEST_PORT_EXCLUSIVE = ephemeralRangeStart();

    private FreePorts() {
    }

    /**
     * Returns {@code count} distinct ports, each free right now.
     *
     * @throws IllegalStateException if not enough free ports were found
     */
    public static synchronized int[] allocate(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
        int[] ports = new int[count];
        int found = 0;
        for (int attempt = 0; attempt < MAX_ATTEMPTS && found < count; attempt++) {
            int candidate = randomPort(1);
            if (!HANDED_OUT.contains(candidate) && isFree(candidate)) {
                HANDED_OUT.add(candidate);
                ports[found++] = candidate;
            }
        }
        if (found < count) {
            throw new IllegalStateException("found only " + found + " of " + count + " free ports");
        }
        return ports;
    }

    /**
     * Returns a base port such that {@code base .. base + count - 1} are all free right now, for a server
     * that binds a block of consecutive ports (the gateway binds a bootstrap port and then one port per
     * broker).
     *
     * @throws IllegalStateException if no such block was found
     */
    public static synchronized int consecutive(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            int base = randomPort(count);
            if (blockIsFree(base, count)) {
                for (int port = base; port < base + count; port++) {
                    HANDED_OUT.add(port);
                }
                return base;
            }
        }
        throw new IllegalStateException("found no block of " + count + " consecutive free ports");
    }

    /** True if a server socket could bind {@code port} on 127.0.0.1 right now; does not reserve it. */
    public static boolean isFree(int port) {
        try {
            bind(port).close();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean blockIsFree(int base, int count) {
        List<ServerSocket> held = new ArrayList<>(count);
        try {
            for (int port = base; port < base + count; port++) {
                if (HANDED_OUT.contains(port)) {
                    return false;
                }
                // Held open until the whole block is checked, so the block is free all at the same time.
                held.add(bind(port));
            }
            return true;
        } catch (IOException e) {
            return false;
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // Closing a listening socket that accepted nothing does not fail in practice.
                }
            }
        }
    }

    private static ServerSocket bind(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            // Servers (Kafka, Netty) bind with SO_REUSEADDR, so a port in TIME_WAIT is free for them too.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private static int randomPort(int blockSize) {
        return ThreadLocalRandom.current().nextInt(LOWEST_PORT, HIGHEST_PORT_EXCLUSIVE - blockSize + 1);
    }

    private static int ephemeralRangeStart() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
            int low = Integer.parseInt(range.split("\\s+")[0]);
            // A kernel tuned to an unusually low ephemeral range leaves too few ports below it: use the default.
            return low > LOWEST_PORT + 5_000 ? low : DEFAULT_EPHEMERAL_LOW;
        } catch (IOException | RuntimeException e) {
            return DEFAULT_EPHEMERAL_LOW;
        }
    }
}
