package io.streamgate.it.telemetry;

import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.MetricsReporter;
import org.apache.kafka.server.telemetry.ClientTelemetryContext;
import org.apache.kafka.server.telemetry.ClientTelemetryExporter;
import org.apache.kafka.server.telemetry.ClientTelemetryExporterProvider;
import org.apache.kafka.server.telemetry.ClientTelemetryPayload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs inside the brokers (they share the test classpath) and writes one file per telemetry push it
 * receives, named after the client instance id, so the test JVM can see what arrived.
 */
public class RecordingTelemetryReporter implements MetricsReporter, ClientTelemetryExporterProvider {

    public static final String DIRECTORY_CONFIG = "streamgate.test.telemetry.dir";

    private Path directory;

    @Override
    public void configure(Map<String, ?> configs) {
        directory = Path.of((String) configs.get(DIRECTORY_CONFIG));
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public ClientTelemetryExporter clientTelemetryExporter() {
        return this::record;
    }

    private void record(ClientTelemetryContext context, ClientTelemetryPayload payload) {
        try {
            Files.writeString(directory.resolve(payload.clientInstanceId() + "-" + System.nanoTime()),
                    context.authorizableRequestContext().clientId() + " " + payload.contentType() + " "
                            + payload.data().remaining());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void init(List<KafkaMetric> metrics) {
    }

    @Override
    public void metricChange(KafkaMetric metric) {
    }

    @Override
    public void metricRemoval(KafkaMetric metric) {
    }

    @Override
    public void close() {
    }
}
