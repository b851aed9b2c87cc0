package io.streamgate.admin.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamgate.core.auth.AuthenticationEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AuthenticationAuditLogTest {

    @TempDir
    Path dataDir;

    @Test
    void everyAttemptBecomesAJsonLineWrittenInTheBackground() throws Exception {
        Path file = dataDir.resolve(AuthenticationAuditLog.FILE_NAME);
        Instant time = Instant.parse("2026-11-27T06:00:00Z");
        try (AuthenticationAuditLog audit = new AuthenticationAuditLog(file)) {
            audit.record(new AuthenticationEvent(time, "external", "10.0.0.7:51234", "PLAIN", "orders-app", true, null));
            audit.record(new AuthenticationEvent(time, "external", "10.0.0.8:40000", "SCRAM-SHA-512", "billing", false,
                    "bad password"));
            await().until(() -> Files.exists(file) && Files.readAllLines(file).size() == 2);
        }

        List<String> lines = Files.readAllLines(file);
        ObjectMapper json = new ObjectMapper();
        JsonNode success = json.readTree(lines.get(0));
        JsonNode failure = json.readTree(lines.get(1));
        assertThat(success.toString()).isEqualTo("{\"time\":\"2026-11-27T06:00:00Z\",\"listener\":\"external\","
                + "\"clientAddress\":\"10.0.0.7:51234\",\"mechanism\":\"PLAIN\",\"principal\":\"orders-app\","
                + "\"succeeded\":true}");
        assertThat(failure.get("succeeded").asBoolean()).isFalse();
        assertThat(failure.get("reason").asText()).isEqualTo("bad password");
    }

    @Test
    void closeWritesWhatIsQueued() throws Exception {
        Path file = dataDir.resolve(AuthenticationAuditLog.FILE_NAME);
        AuthenticationAuditLog audit = new AuthenticationAuditLog(file);
        for (int i = 0; i < 100; i++) {
            audit.record(new AuthenticationEvent(Instant.now(), "l", "a:" + i, "PLAIN", "p", false, "r"));
        }

        audit.close();

        assertThat(Files.readAllLines(file)).hasSize(100);
    }
}
