package io.streamgate.admin.api;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.streamgate.admin.AdminServer;
import io.streamgate.admin.Readiness;
import io.streamgate.admin.testing.AdminFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static io.streamgate.admin.testing.AdminFixture.ALICE_PASSWORD;
import static io.streamgate.admin.testing.AdminFixture.VICTOR_PASSWORD;
import static io.streamgate.admin.testing.AdminFixture.parse;
import static org.assertj.core.api.Assertions.assertThat;

class AdminApiSecurityTest {

    private static final String TAG = """
            {"kind": "Interceptor", "metadata": {"name": "tag"},
             "spec": {"plugin": "test-tag", "config": {"headers": {"x": "y"}}}}""";

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
    void everyApiRouteIs401WithoutCredentialsWithAChallenge() {
        for (ApiRoute route : AdminApi.routes()) {
            String path = route.path().replace("{id}", "test-tag").replace("{mechanism}", "SCRAM-SHA-512")
                    .replace("{name}", "tag").replace("{topic}", "rates").replace("{bindingName}", "acl-1");
            HttpResponse<String> response = admin.send(admin.request(path)
                    .method(route.method().name(), HttpRequest.BodyPublishers.ofString(TAG)));

            assertThat(response.statusCode()).as(route.method() + " " + path).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate"))
                    .hasValue("Bearer realm=\"streamgate\", Basic realm=\"streamgate\"");
            assertThat(parse(response.body()).get("error").asText()).startsWith("authentication required");
        }
        assertThat(admin.store().snapshot()).isEmpty();
    }

    @Test
    void aWrongTokenOrPasswordIs401() {
        HttpResponse<String> wrongToken = admin.send(admin.request("/api/v1/interceptors")
                .header("Authorization", "Bearer admin-secret-tokem"));
        HttpResponse<String> wrongPassword = admin.send(admin.asUser("/api/v1/interceptors", "alice", "nope"));

        assertThat(wrongToken.statusCode()).isEqualTo(401);
        assertThat(parse(wrongToken.body()).get("error").asText()).isEqualTo("invalid credentials");
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
    }

    @Test
    void aViewerReadsButWritingIs403AndAudited() {
        assertThat(admin.send(admin.asViewer("/api/v1/interceptors")).statusCode()).isEqualTo(200);

        HttpResponse<String> put = admin.send(admin.asViewer("/api/v1/interceptors")
                .PUT(HttpRequest.BodyPublishers.ofString(TAG)));
        HttpResponse<String> delete = admin.send(admin.asUser("/api/v1/interceptors/tag", "victor", VICTOR_PASSWORD)
                .DELETE());

        assertThat(put.statusCode()).isEqualTo(403);
        assertThat(parse(put.body()).get("error").asText())
                .isEqualTo("dashboard has role viewer, which may read but not change resources");
        assertThat(delete.statusCode()).isEqualTo(403);
        assertThat(admin.store().snapshot()).isEmpty();
        assertThat(admin.auditLines()).extracting(line -> line.get("actor").asText() + " "
                        + line.get("action").asText() + " " + line.get("outcome").asText())
                .containsExactly("dashboard PUT FORBIDDEN", "victor DELETE FORBIDDEN");
    }

    @Test
    void anAdminUserWritesWithBasicAuthenticationAndIsRecordedAsTheAuthor() {
        HttpResponse<String> response = admin.send(admin.asUser("/api/v1/interceptors", "alice", ALICE_PASSWORD)
                .PUT(HttpRequest.BodyPublishers.ofString(TAG)));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(parse(response.body()).at("/resource/metadata/updatedBy").asText()).isEqualTo("alice");
    }

    @Test
    void probesMetricsAndTheOpenApiDocumentNeedNoCredentials() {
        for (String path : new String[] {"/health/live", "/health/ready", "/metrics", "/openapi.json"}) {
            assertThat(admin.send(admin.request(path)).statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    void theApiIs503UntilTheServerIsGivenIt() throws Exception {
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        AdminServer starting = new AdminServer("127.0.0.1", 0, Readiness::ready, metrics).start();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + starting.port() + "/api/v1/plugins")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(parse(response.body()).get("error").asText()).contains("starting");
        } finally {
            starting.stop();
            metrics.close();
        }
    }
}
