package io.streamgate.it.policy;

import io.streamgate.api.PolicyAction;
import io.streamgate.api.PolicyViolation;
import io.streamgate.core.policy.PolicyViolationEvent;
import io.streamgate.it.ItCluster;
import io.streamgate.it.Records;
import io.streamgate.testing.clients.KafkaClients;
import io.streamgate.testing.junit.GatewayExtension;
import io.streamgate.testing.junit.KafkaClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitionReassignment;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static io.streamgate.it.Records.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class DenyApiPolicyIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = ItCluster.KAFKA;

    private static final ViolationRecorder AUDIT = new ViolationRecorder();

    @RegisterExtension
    static final GatewayExtension GATEWAY = AUDIT.gatewayAuditedHere(GatewayExtension.inFrontOf(KAFKA));

    private KafkaClients direct;

    @BeforeEach
    void denyDeletesAndReassignments() {
        direct = new KafkaClients(KAFKA.cluster().bootstrapServers());
        ViolationRecorder.install(GATEWAY, "no-deletes", "deny-api-policy",
                Map.of("apis", List.of("DeleteTopics", "AlterPartitionReassignments")));
    }

    @AfterEach
    void cleanUp() {
        direct.close();
        ViolationRecorder.removeAll(GATEWAY);
        AUDIT.clear();
    }

    @Test
    void refusesDeletingTopicsWithTopicAuthorizationFailedWhileOtherApisWork() throws Exception {
        String topic = unique("deny-api");
        Admin admin = GATEWAY.clients().admin();
        Records.createTopic(admin, topic, 1);
        double countedBefore = ViolationRecorder.counted(GATEWAY, "no-deletes", "apis", "BLOCK");

        assertThatThrownBy(() -> admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause()
                .isInstanceOf(TopicAuthorizationException.class)
                .hasMessage("API DeleteTopics is denied (rule apis, interceptor no-deletes)");

        await("the topic listed").atMost(Duration.ofSeconds(30))
                .until(() -> direct.admin().listTopics().names().get(30, TimeUnit.SECONDS).contains(topic));
        assertThat(AUDIT.events()).singleElement().satisfies(event -> {
            assertThat(event.interceptor()).isEqualTo("no-deletes");
            assertThat(event.api()).isEqualTo("DeleteTopics");
            assertThat(event.violation()).isEqualTo(new PolicyViolation("apis", PolicyAction.BLOCK, null,
                    "DeleteTopics", "API DeleteTopics is denied (rule apis, interceptor no-deletes)"));
        });
        assertThat(ViolationRecorder.counted(GATEWAY, "no-deletes", "apis", "BLOCK")).isEqualTo(countedBefore + 1);
    }

    @Test
    void refusesReassigningPartitionsWithClusterAuthorizationFailed() throws Exception {
        String topic = unique("deny-reassign");
        Records.createTopic(GATEWAY.clients().admin(), topic, 1);

        assertThatThrownBy(() -> GATEWAY.clients().admin().alterPartitionReassignments(Map.of(
                new TopicPartition(topic, 0), Optional.of(new NewPartitionReassignment(List.of(0, 1, 2)))))
                .all().get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause()
                .isInstanceOf(ClusterAuthorizationException.class)
                .hasMessage("API AlterPartitionReassignments is denied (rule apis, interceptor no-deletes)");
        assertThat(AUDIT.events()).extracting(PolicyViolationEvent::api).containsExactly("AlterPartitionReassignments");
    }
}
