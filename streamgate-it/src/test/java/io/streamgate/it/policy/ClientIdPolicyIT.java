package io.streamgate.it.policy;

import io.streamgate.api.PolicyAction;
import io.streamgate.api.PolicyViolation;
import io.streamgate.it.ItCluster;
import io.streamgate.testing.junit.GatewayExtension;
import io.streamgate.testing.junit.KafkaClusterExtension;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static io.streamgate.it.Records.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientIdPolicyIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = ItCluster.KAFKA;

    private static final ViolationRecorder AUDIT = new ViolationRecorder();

    @RegisterExtension
    static final GatewayExtension GATEWAY = AUDIT.gatewayAuditedHere(GatewayExtension.inFrontOf(KAFKA));

    private static final String EXPECTED = "it-[a-z]+-.+";

    @BeforeEach
    void requireNamedClients() {
        ViolationRecorder.install(GATEWAY, "client-ids", "client-id-policy", Map.of("pattern", EXPECTED));
    }

    @AfterEach
    void cleanUp() {
        ViolationRecorder.removeAll(GATEWAY);
        AUDIT.clear();
    }

    @Test
    void refusesTheRequestsOfAClientWhoseIdBreaksTheConventionWithPolicyViolation() {
        // without telemetry (KIP-714), whose GetTelemetrySubscriptions would be the first request refused
        Admin rogue = GATEWAY.clients().admin(Map.of(CommonClientConfigs.CLIENT_ID_CONFIG, "adminclient-7",
                CommonClientConfigs.ENABLE_METRICS_PUSH_CONFIG, false));
        double countedBefore = ViolationRecorder.counted(GATEWAY, "client-ids", "clientId", "BLOCK");
        String message = "client id 'adminclient-7' does not match " + EXPECTED
                + " (rule clientId, interceptor client-ids)";

        assertThatThrownBy(() -> rogue.createTopics(List.of(new NewTopic(unique("client-id"), 1, (short) 3)))
                .all().get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause()
                .isInstanceOf(PolicyViolationException.class).hasMessage(message);

        assertThat(AUDIT.events()).singleElement().satisfies(event -> {
            assertThat(event.clientId()).isEqualTo("adminclient-7");
            assertThat(event.api()).isEqualTo("CreateTopics");
            assertThat(event.violation()).isEqualTo(new PolicyViolation("clientId", PolicyAction.BLOCK, null,
                    "adminclient-7", message));
        });
        assertThat(ViolationRecorder.counted(GATEWAY, "client-ids", "clientId", "BLOCK")).isEqualTo(countedBefore + 1);
    }

    @Test
    void servesAClientWhoseIdFollowsTheConvention() throws Exception {
        Admin named = GATEWAY.clients().admin(Map.of(CommonClientConfigs.CLIENT_ID_CONFIG, "it-admin-1"));
        String topic = unique("client-id");

        named.createTopics(List.of(new NewTopic(topic, 1, (short) 3))).all().get(30, TimeUnit.SECONDS);

        assertThat(named.listTopics().names().get(30, TimeUnit.SECONDS)).contains(topic);
        assertThat(AUDIT.events()).isEmpty();
    }
}
