package io.streamgate.it;

import io.streamgate.testing.clients.KafkaClients;
import io.streamgate.testing.junit.KafkaClusterExtension;
import io.streamgate.testing.net.FreePorts;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.streamgate.it.Records.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code streamgate} command as an operator runs it: its own process, health and metrics on the admin
 * port, and a graceful stop on SIGTERM.
 */
class StreamgateProcessIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = ItCluster.KAFKA;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesHealthAndMetricsAndStopsGracefullyOnSigterm() throws Exception {
        int port = FreePorts.consecutive(5);
        int adminPort = FreePorts.allocate(1)[0];
        Path log = Files.createTempFile("streamgate", ".log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "io.streamgate.app.Main", "run",
                "--upstream", KAFKA.cluster().bootstrapServers(), "--port", Integer.toString(port),
                "--admin-port", Integer.toString(adminPort), "--bind", "127.0.0.1", "--advertised-host", "localhost")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            await("ready").atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> get(adminPort, "/health/ready").statusCode() == 200);
            assertThat(get(adminPort, "/health/live").body()).contains("UP");
            // readiness and the announcement are two threads' work: the log line may follow a moment later
            await("ready announced").atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(Files.readString(log)).contains("Streamgate is ready in",
                            "bootstrap.servers=localhost:" + port));

            try (KafkaClients clients = new KafkaClients("localhost:" + port)) {
                clients.producer().send(new ProducerRecord<>(unique("process"), "hello")).get();
            }
            String metrics = get(adminPort, "/metrics").body();
            assertThat(metrics).contains("streamgate_requests_total{api=\"Produce\"}", "streamgate_connections_open",
                    "streamgate_upstream_latency_seconds_bucket", "streamgate_bytes_total{direction=\"client_in\"}");

            process.destroy(); // SIGTERM
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
            assertThat(Files.readString(log)).contains("shutting down", "Gateway stopped", "stopped in");
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
