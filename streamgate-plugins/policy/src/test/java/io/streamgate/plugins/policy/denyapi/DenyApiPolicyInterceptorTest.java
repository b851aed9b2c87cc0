package io.streamgate.plugins.policy.denyapi;

import io.streamgate.api.PluginConfig;
import io.streamgate.api.PolicyAction;
import io.streamgate.api.PolicyViolation;
import io.streamgate.api.RequestOutcome;
import io.streamgate.plugins.testkit.FakeInterceptorContext;
import io.streamgate.plugins.testkit.FakePluginContext;
import io.streamgate.plugins.testkit.RegisteredHooks;
import org.apache.kafka.common.message.AlterPartitionReassignmentsRequestData;
import org.apache.kafka.common.message.DeleteGroupsRequestData;
import org.apache.kafka.common.message.DeleteTopicsRequestData;
import org.apache.kafka.common.message.EndTxnRequestData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DenyApiPolicyInterceptorTest {

    @Test
    void failsADeniedTopicApiWithTopicAuthorizationFailed() {
        FakeInterceptorContext context = new FakeInterceptorContext(ApiKeys.DELETE_TOPICS, 6).interceptorName("no-del");

        RequestOutcome outcome = hooks(Map.of("apis", List.of("DeleteTopics", "DeleteRecords")))
                .request(context, new DeleteTopicsRequestData());

        String message = "API DeleteTopics is denied (rule apis, interceptor no-del)";
        assertThat(outcome).isEqualTo(new RequestOutcome.Fail(Errors.TOPIC_AUTHORIZATION_FAILED, message));
        assertThat(context.violations()).containsExactly(
                new PolicyViolation("apis", PolicyAction.BLOCK, null, "DeleteTopics", message));
    }

    @Test
    void failsClusterGroupAndTransactionApisWithTheirAuthorizationErrors() {
        RegisteredHooks hooks = hooks(Map.of("apis",
                List.of("alterpartitionreassignments", "DeleteGroups", "EndTxn")));

        assertThat(hooks.request(new FakeInterceptorContext(ApiKeys.ALTER_PARTITION_REASSIGNMENTS, 0),
                new AlterPartitionReassignmentsRequestData()))
                .extracting(outcome -> ((RequestOutcome.Fail) outcome).error())
                .isEqualTo(Errors.CLUSTER_AUTHORIZATION_FAILED);
        assertThat(hooks.request(new FakeInterceptorContext(ApiKeys.DELETE_GROUPS, 2), new DeleteGroupsRequestData()))
                .extracting(outcome -> ((RequestOutcome.Fail) outcome).error())
                .isEqualTo(Errors.GROUP_AUTHORIZATION_FAILED);
        assertThat(hooks.request(new FakeInterceptorContext(ApiKeys.END_TXN, 4), new EndTxnRequestData()))
                .extracting(outcome -> ((RequestOutcome.Fail) outcome).error())
                .isEqualTo(Errors.TRANSACTIONAL_ID_AUTHORIZATION_FAILED);
    }

    @Test
    void hooksOnlyTheDeniedApis() {
        assertThat(hooks(Map.of("apis", List.of("DeleteTopics"))).requestApis())
                .containsExactly(ApiKeys.DELETE_TOPICS);
    }

    @Test
    void reportsButForwardsUnderInfo() {
        FakeInterceptorContext context = new FakeInterceptorContext(ApiKeys.DELETE_TOPICS, 6);

        assertThat(hooks(Map.of("apis", List.of("DeleteTopics"), "action", "INFO"))
                .request(context, new DeleteTopicsRequestData())).isEqualTo(new RequestOutcome.Unchanged());
        assertThat(context.violations()).singleElement().extracting(PolicyViolation::action)
                .isEqualTo(PolicyAction.INFO);
    }

    private static RegisteredHooks hooks(Map<String, ?> config) {
        return RegisteredHooks.of(new DenyApiPolicyPlugin().create(new PluginConfig(config), new FakePluginContext()));
    }
}
