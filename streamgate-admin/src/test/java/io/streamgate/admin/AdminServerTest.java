package io.streamgate.admin;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdminServerTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicReference<Readiness> readiness = new AtomicReference<>(Readiness.ready());
    private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private AdminServer server;

    @BeforeEach
    void startServer() {
        server = new AdminServer("127.0.0.1", 0, readiness::get, metrics).start();
    }

    @AfterEach
    void stopServer() {
        server.stop();
        metrics.close();
    }

    @Test
    void livenessIsUpWhileTheProcessRuns() throws Exception {
        HttpResponse<String> response = get("/health/live");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void readinessIsUpWhenTheGatewayIsReady() throws Exception {
        HttpResponse<String> response = get("/health/ready");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void readinessIsDownWithTheReasonWhenTheGatewayIsNotReady() throws Exception {
        readiness.set(Readiness.notReady("upstream Kafka cluster unreachable"));

        HttpResponse<String> response = get("/health/ready");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body())
                .isEqualTo("{\"status\":\"DOWN\",\"reason\":\"upstream Kafka cluster unreachable\"}");
    }

    @Test
    void readinessFollowsTheSupplierOnEveryProbe() throws Exception {
        readiness.set(Readiness.notReady("starting"));
        assertThat(get("/health/ready").statusCode()).isEqualTo(503);

        readiness.set(Readiness.ready());
        assertThat(get("/health/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void metricsArePrometheusTextExposition() throws Exception {
        metrics.counter("streamgate.test.requests", "api", "produce").increment(3);

        HttpResponse<String> response = get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(response.body())
                .contains("# TYPE streamgate_test_requests_total counter")
                .contains("streamgate_test_requests_total{api=\"produce\"} 3.0");
    }

    @Test
    void unknownPathIsA404WithAJsonError() throws Exception {
        HttpResponse<String> response = get("/nope");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).isEqualTo("{\"status\":404,\"error\":\"no such endpoint: GET /nope\"}");
    }

    @Test
    void failingReadinessSupplierIsA500WithAJsonError() throws Exception {
        AdminServer failing = new AdminServer("127.0.0.1", 0, () -> {
            throw new IllegalStateException("boom");
        }, metrics).start();
        try {
            HttpResponse<String> response = http.send(request(failing.port(), "/health/ready"),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).isEqualTo("{\"status\":500,\"error\":\"internal error: boom\"}");
        } finally {
            failing.stop();
        }
    }

    @Test
    void startsInWellUnderASecondAndStopReleasesThePort() throws Exception {
        long started = System.nanoTime();
        AdminServer another = new AdminServer("127.0.0.1", 0, readiness::get, metrics).start();
        long startMillis = (System.nanoTime() - started) / 1_000_000;
        int port = another.port();
        assertThat(http.send(request(port, "/health/live"), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);

        another.stop();

        assertThat(startMillis).isLessThan(500);
        assertThatThrownBy(() -> http.send(request(port, "/health/live"), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void portInUseIsAClearStartupError() {
        int taken = server.port();

        assertThatThrownBy(() -> new AdminServer("127.0.0.1", taken, readiness::get, metrics).start())
                .isInstanceOf(AdminServerException.class)
                .hasMessageContaining("cannot start the admin HTTP server on 127.0.0.1:" + taken);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(server.port(), path), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest request(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
    }
}
