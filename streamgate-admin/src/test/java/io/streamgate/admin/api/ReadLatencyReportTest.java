package io.streamgate.admin.api;

import io.streamgate.admin.testing.AdminFixture;
import io.streamgate.state.Resource;
import io.streamgate.state.document.ResourceDocuments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static io.streamgate.admin.testing.AdminFixture.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How long the read routes take with 1,000 interceptors stored, over HTTP on loopback. Printed, not asserted: speed is
 * reported, behaviour is tested (the target is well under 50 ms per request).
 */
class ReadLatencyReportTest {

    private static final int INTERCEPTORS = 1_000;
    private static final int WARM_UP = 30;
    private static final int MEASURED = 100;

    @TempDir
    Path dataDir;

    private AdminFixture admin;

    @BeforeEach
    void start() {
        admin = new AdminFixture(dataDir);
    }

    @AfterEach
    void stop() {
        admin.close();
    }

    @Test
    void reportsHowLongTheGetsTakeWithAThousandInterceptorsStored() {
        long storing = System.nanoTime();
        for (int i = 0; i < INTERCEPTORS; i++) {
            String scope = switch (i % 4) {
                case 0 -> "";
                case 1 -> ", scope: {username: user-" + i % 50 + "}";
                case 2 -> ", scope: {group: group-" + i % 20 + "}";
                default -> ", scope: {virtualCluster: vc-" + i % 10 + "}";
            };
            Resource resource = ResourceDocuments.parseSingle("kind: Interceptor\nmetadata: {name: interceptor-" + i
                    + scope + "}\nspec: {plugin: test-tag, priority: " + i + ", config: {headers: {x-n: '" + i
                    + "'}}}", null);
            admin.store().put(resource, "seed");
        }
        long stored = System.nanoTime();
        await().atMost(Duration.ofSeconds(60)).until(() -> admin.registry().definitions().size() == INTERCEPTORS);
        long installed = System.nanoTime();

        Map<String, Supplier<HttpRequest.Builder>> reads = new LinkedHashMap<>();
        reads.put("GET /api/v1/interceptors (all 1000)", () -> admin.asAdmin("/api/v1/interceptors"));
        reads.put("GET /api/v1/interceptors?username=user-1", () -> admin.asAdmin("/api/v1/interceptors?username=user-1"));
        reads.put("GET /api/v1/interceptors/{name} (any scope)", () -> admin.asAdmin("/api/v1/interceptors/interceptor-998"));
        reads.put("GET /api/v1/interceptors/{name}?group=..", () -> admin.asAdmin("/api/v1/interceptors/interceptor-998"
                + "?group=group-18"));
        reads.put("GET /api/v1/plugins", () -> admin.asAdmin("/api/v1/plugins"));
        reads.put("POST /api/v1/interceptors/resolve", () -> admin.asAdmin("/api/v1/interceptors/resolve")
                .POST(HttpRequest.BodyPublishers.ofString("{\"virtualCluster\": \"vc-3\", \"username\": \"user-1\", "
                        + "\"groups\": [\"group-2\"]}")));

        StringBuilder report = new StringBuilder(String.format("ReadLatencyReportTest: %d interceptors stored in %d ms, "
                        + "installed %d ms later; per request over HTTP (%d requests after %d warm-up):%n", INTERCEPTORS,
                (stored - storing) / 1_000_000, (installed - stored) / 1_000_000, MEASURED, WARM_UP));
        reads.forEach((name, request) -> {
            double[] millis = measure(request);
            report.append(String.format("  %-46s median %6.2f ms   p99 %6.2f ms   max %6.2f ms%n", name,
                    percentile(millis, 50), percentile(millis, 99), millis[millis.length - 1]));
        });
        System.out.print(report);

        HttpResponse<String> all = admin.send(admin.asAdmin("/api/v1/interceptors"));
        assertThat(parse(all.body()).get("items")).hasSize(INTERCEPTORS);
    }

    private double[] measure(Supplier<HttpRequest.Builder> request) {
        for (int i = 0; i < WARM_UP; i++) {
            assertThat(admin.send(request.get()).statusCode()).isEqualTo(200);
        }
        List<Double> samples = new ArrayList<>();
        for (int i = 0; i < MEASURED; i++) {
            long started = System.nanoTime();
            HttpResponse<String> response = admin.send(request.get());
            samples.add((System.nanoTime() - started) / 1e6);
            assertThat(response.statusCode()).isEqualTo(200);
        }
        double[] sorted = samples.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return sorted;
    }

    private static double percentile(double[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
