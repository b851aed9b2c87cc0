package io.streamgate.admin.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamgate.api.PolicyAction;
import io.streamgate.api.PolicyViolation;
import io.streamgate.core.policy.PolicyViolationEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyAuditLogTest {

    @TempDir
    Path dataDir;

    @Test
    void everyViolationBecomesAJsonLineWithWhoSentTheRequest() throws Exception {
        Path file = dataDir.resolve(PolicyAuditLog.FILE_NAME);
        try (PolicyAuditLog audit = new PolicyAuditLog(file)) {
            audit.record(new PolicyViolationEvent(Instant.parse("2026-11-27T06:00:00Z"), "topic-rules",
                    "create-topic-policy", "default", "10.0.0.7:51234", "orders-app", "producer-1", null,
                    "CreateTopics", new PolicyViolation("partitions.max", PolicyAction.BLOCK, "orders", "500",
                            "partitions 500 is above the maximum of 12")));
        }

        assertThat(new ObjectMapper().readTree(Files.readAllLines(file).get(0)).toString()).isEqualTo(
                "{\"time\":\"2026-11-27T06:00:00Z\",\"interceptor\":\"topic-rules\",\"plugin\":\"create-topic-policy\","
                        + "\"rule\":\"partitions.max\",\"action\":\"BLOCK\",\"principal\":\"orders-app\","
                        + "\"clientId\":\"producer-1\",\"clientAddress\":\"10.0.0.7:51234\",\"listener\":\"default\","
                        + "\"api\":\"CreateTopics\",\"topic\":\"orders\",\"value\":\"500\","
                        + "\"message\":\"partitions 500 is above the maximum of 12\"}");
    }
}
