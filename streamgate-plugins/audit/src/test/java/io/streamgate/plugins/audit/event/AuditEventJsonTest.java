package io.streamgate.plugins.audit.event;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AuditEventJsonTest {

    private static final AuditEvent EVENT = new AuditEvent(Instant.parse("2025-01-02T03:04:05.678901Z"), "gw",
            "c-1", "10.0.0.1:5000", "alice", "app", null, "Produce", (short) 11, List.of("a", "b"), "pending", Map.of());

    @Test
    void writesOneCompactLineWithFieldsInTheDocumentedOrder() {
        String json = new String(AuditEventJson.toJson(EVENT.withOutcome(Outcome.OK)), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("{\"time\":\"2025-01-02T03:04:05.678Z\",\"gatewayHost\":\"gw\","
                + "\"connectionId\":\"c-1\",\"clientAddress\":\"10.0.0.1:5000\",\"principal\":\"alice\","
                + "\"clientId\":\"app\",\"virtualCluster\":null,\"api\":\"Produce\",\"apiVersion\":11,"
                + "\"topics\":[\"a\",\"b\"],\"outcome\":\"ok\"}");
    }

    @Test
    void addsErrorsSortedByNameOnlyForTheErrorOutcome() {
        String json = new String(AuditEventJson.toJson(EVENT.withOutcome(
                Outcome.of(Map.of("NOT_LEADER_OR_FOLLOWER", 2, "INVALID_RECORD", 1)))), StandardCharsets.UTF_8);

        assertThat(json).endsWith("\"outcome\":\"error\",\"errors\":{\"INVALID_RECORD\":1,\"NOT_LEADER_OR_FOLLOWER\":2}}");
        assertThat(json).doesNotContain("\n");
    }

    @Test
    void saysNoneForRequestsWithoutResponse() {
        assertThat(new String(AuditEventJson.toJson(EVENT.withOutcome(Outcome.NONE)), StandardCharsets.UTF_8))
                .endsWith("\"outcome\":\"none\"}");
    }
}
