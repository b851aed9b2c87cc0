package io.streamgate.admin.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamgate.admin.testing.AdminFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuditTrailTest {

    private static final String TAG = """
            {"kind": "Interceptor", "metadata": {"name": "tag", "scope": {"username": "alice"}},
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
    void everyChangeIsAJsonLineWithItsActorOutcomeAndScope() {
        Instant before = Instant.now();
        admin.send(admin.asAdmin("/api/v1/interceptors?dryRun=true").PUT(HttpRequest.BodyPublishers.ofString(TAG)));
        admin.putJson(TAG);
        admin.putJson(TAG);
        admin.putJson(TAG.replace("\"y\"", "\"z\""));
        admin.putJson(TAG.replace("test-tag", "nope"));
        admin.send(admin.asAdmin("/api/v1/interceptors/tag?username=alice").DELETE());
        admin.send(admin.asAdmin("/api/v1/interceptors/tag").DELETE());
        admin.send(admin.asAdmin("/api/v1/interceptors")); // a read is not recorded

        List<JsonNode> lines = admin.auditLines();

        assertThat(lines).extracting(line -> line.get("action").asText() + " " + line.get("outcome").asText() + " "
                        + line.get("dryRun").asBoolean())
                .containsExactly("PUT CREATED true", "PUT CREATED false", "PUT UNCHANGED false", "PUT UPDATED false",
                        "PUT INVALID false", "DELETE DELETED false", "DELETE NOT_FOUND false");
        JsonNode created = lines.get(1);
        assertThat(created.get("actor").asText()).isEqualTo("ci");
        assertThat(created.get("kind").asText()).isEqualTo("Interceptor");
        assertThat(created.get("name").asText()).isEqualTo("tag");
        assertThat(created.get("scope").toString()).isEqualTo("{\"username\":\"alice\"}");
        assertThat(created.has("error")).isFalse();
        assertThat(Duration.between(before, Instant.parse(created.get("time").asText())).toSeconds()).isBetween(0L, 5L);
        assertThat(fieldNames(created)).containsExactly("time", "actor", "action", "kind", "name", "scope", "outcome",
                "dryRun");
        assertThat(lines.get(4).get("error").asText()).contains("spec.plugin: unknown plugin 'nope'");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
