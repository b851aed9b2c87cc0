package io.streamgate.app.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * The two loopback ports of the embedded broker: the Kafka client port and the KRaft controller port. They are
 * chosen once and kept in {@code ports.properties}, so that a restarted Streamgate talks to the same broker
 * address as before (the address is part of the broker's registration and of anything a user wrote down).
 *
 * @param broker the port Kafka clients (the gateway) connect to
 * @param controller the port of the KRaft controller listener
 */
record EmbeddedKafkaPorts(int broker, int controller) {

    static final String FILE_NAME = "ports.properties";

    /** The persisted ports, or two newly chosen free ones that are persisted before they are returned. */
    static EmbeddedKafkaPorts loadOrChoose(Path kafkaDir) {
        Path file = kafkaDir.resolve(FILE_NAME);
        if (Files.exists(file)) {
            return load(file);
        }
        EmbeddedKafkaPorts chosen = chooseFree();
        chosen.store(file);
        return chosen;
    }

    /** Fails with a message that says what to do when another process took one of the persisted ports. */
    void checkAvailable(Path kafkaDir) {
        for (int port : new int[] {broker, controller}) {
            try (ServerSocket probe = new ServerSocket()) {
                probe.setReuseAddress(true);
                probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            } catch (IOException e) {
                throw new EmbeddedKafkaException("embedded Kafka port 127.0.0.1:" + port + " (kept in "
                        + kafkaDir.resolve(FILE_NAME) + ") is in use: is another Streamgate running on this data"
                        + " directory? Otherwise delete that file and new ports will be chosen", e);
            }
        }
    }

    private static EmbeddedKafkaPorts load(Path file) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return new EmbeddedKafkaPorts(port(properties, "broker", file), port(properties, "controller", file));
    }

    private static int port(Properties properties, String key, Path file) {
        String value = properties.getProperty(key);
        try {
            int port = Integer.parseInt(value == null ? "" : value.trim());
            if (port > 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new EmbeddedKafkaException(file + ": '" + key + "' must be a port 1..65535, was '" + value
                + "'; delete the file and new ports will be chosen");
    }

    private void store(Path file) {
        Properties properties = new Properties();
        properties.setProperty("broker", Integer.toString(broker));
        properties.setProperty("controller", Integer.toString(controller));
        Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            properties.store(out, "Loopback ports of the embedded Kafka, chosen on first start and reused since");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + temporary, e);
        }
        try {
            // Atomic so that a crash never leaves a half-written file that would block the next start.
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static EmbeddedKafkaPorts chooseFree() {
        // Both sockets stay open until both ports are known, so the two ports differ.
        try (ServerSocket first = freeSocket(); ServerSocket second = freeSocket()) {
            return new EmbeddedKafkaPorts(first.getLocalPort(), second.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find free loopback ports for the embedded Kafka", e);
        }
    }

    private static ServerSocket freeSocket() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return socket;
    }
}
