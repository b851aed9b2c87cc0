package io.streamgate.it;

import io.streamgate.it.telemetry.RecordingTelemetryReporter;
import io.streamgate.testing.junit.KafkaClusterExtension;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/** The cluster every integration test runs against. */
public final class ItCluster {

    /** Users of the cluster's SASL listener, for PLAIN and SCRAM. */
    public static final Map<String, String> SASL_USERS = Map.of("admin", "admin-secret", "gateway", "gateway-secret");

    /** Where the brokers' telemetry reporter writes what clients pushed. */
    public static final Path TELEMETRY_DIR = Path.of("target", "telemetry-" + UUID.randomUUID()).toAbsolutePath();

    /**
     * Three brokers (replication factor 3, min.insync.replicas 2, so one broker may restart under load),
     * with plaintext, TLS and SASL client listeners, and a client telemetry receiver (KIP-714).
     */
    public static final KafkaClusterExtension KAFKA = KafkaClusterExtension.shared("it-three-brokers", builder -> builder
            .brokers(3)
            .sslListener(true)
            .saslPlainListener(SASL_USERS)
            .brokerProperty("min.insync.replicas", "2")
            .brokerProperty("metric.reporters", RecordingTelemetryReporter.class.getName())
            .brokerProperty(RecordingTelemetryReporter.DIRECTORY_CONFIG, TELEMETRY_DIR.toString()));

    private ItCluster() {
    }
}
