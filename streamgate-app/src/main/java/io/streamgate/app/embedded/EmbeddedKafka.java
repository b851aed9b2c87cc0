package io.streamgate.app.embedded;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/**
 * A real single-node KRaft Kafka broker (combined broker and controller) running inside this process, used when
 * no upstream cluster is configured.
 * <p>
 * Everything lives under {@code <dataDir>/kafka}: the log directory, the generated {@code server.properties}
 * and {@code ports.properties}, which keeps the two loopback ports chosen on first start so that every later
 * start reuses them. The storage is formatted on first start only, so topics and records survive restarts.
 * The broker listens on loopback only: clients reach it through the gateway. It shares the heap of this JVM.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaRaftServer server;
    private final EmbeddedKafkaPorts ports;
    private boolean stopped;

    private EmbeddedKafka(KafkaRaftServer server, EmbeddedKafkaPorts ports) {
        this.server = server;
        this.ports = ports;
    }

    /**
     * Starts the broker on {@code <dataDir>/kafka}, formatting the storage first if this is the first start, and
     * returns once the broker accepts Kafka clients.
     *
     * @throws EmbeddedKafkaException if the broker cannot be prepared or does not start
     */
    public static EmbeddedKafka start(Path dataDir) {
        long started = System.nanoTime();
        Path kafkaDir = dataDir.resolve("kafka").toAbsolutePath().normalize();
        Path logDir = kafkaDir.resolve("logs");
        createDirectories(logDir);

        EmbeddedKafkaPorts ports = EmbeddedKafkaPorts.loadOrChoose(kafkaDir);
        ports.checkAvailable(kafkaDir);
        Properties properties = BrokerProperties.of(logDir, ports);
        Path propertiesFile = kafkaDir.resolve("server.properties");
        write(properties, propertiesFile);
        if (!KafkaStorage.isFormatted(logDir)) {
            log.info("formatting embedded Kafka storage in {}", logDir);
            KafkaStorage.format(propertiesFile);
        }

        KafkaRaftServer server;
        try {
            server = new KafkaRaftServer(new KafkaConfig(properties), Time.SYSTEM);
        } catch (RuntimeException e) {
            throw new EmbeddedKafkaException("embedded Kafka configuration rejected: " + e.getMessage(), e);
        }
        EmbeddedKafka kafka = new EmbeddedKafka(server, ports);
        try {
            server.startup();
            awaitClientPort(ports.broker());
        } catch (RuntimeException e) {
            kafka.close();
            throw new EmbeddedKafkaException("embedded Kafka in " + kafkaDir + " did not start: " + e.getMessage(), e);
        }
        log.info("embedded Kafka ready at {} in {} ms (data in {})", kafka.bootstrapServers(),
                (System.nanoTime() - started) / 1_000_000, kafkaDir);
        return kafka;
    }

    /** {@code 127.0.0.1:<port>}, for the gateway's upstream bootstrap servers or a client in a test. */
    public String bootstrapServers() {
        return "127.0.0.1:" + ports.broker();
    }

    /** Shuts the broker down and waits until it has; later calls do nothing. */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        long started = System.nanoTime();
        server.shutdown();
        server.awaitShutdown();
        log.info("embedded Kafka stopped in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    // KafkaRaftServer.startup() returns once the broker is unfenced, but the acceptor may open a moment later;
    // the client port accepts connections only once the broker is serving, so a connect is the readiness probe.
    private static void awaitClientPort(int port) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new EmbeddedKafkaException("broker port " + port + " not open after " + READY_TIMEOUT, e);
                }
                sleep();
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedKafkaException("interrupted while waiting for the embedded Kafka", e);
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new EmbeddedKafkaException("cannot create the embedded Kafka directory " + dir + ": " + e, e);
        }
    }

    private static void write(Properties properties, Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            properties.store(out, "Generated by Streamgate on every start of the embedded Kafka; edits are lost");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
