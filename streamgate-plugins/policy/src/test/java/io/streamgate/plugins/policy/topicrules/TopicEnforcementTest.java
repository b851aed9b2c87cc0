package io.streamgate.plugins.policy.topicrules;

import io.streamgate.api.PolicyAction;
import io.streamgate.api.PolicyViolation;
import io.streamgate.plugins.testkit.FakeInterceptorContext;
import org.apache.kafka.common.protocol.ApiKeys;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TopicEnforcementTest {

    private final FakeInterceptorContext context = new FakeInterceptorContext(ApiKeys.CREATE_TOPICS, 7)
            .interceptorName("topics");
    private final TopicEnforcement enforcement = new TopicEnforcement(context, "orders");
    private final List<String> overrides = new ArrayList<>();

    @Test
    void blockRefusesTheTopicNamingRuleAndInterceptor() {
        enforcement.enforce(new Breach("partitions", PolicyAction.BLOCK, "500", "partitions 500 is above the maximum of 12",
                "12"), overrides::add);

        String message = "partitions 500 is above the maximum of 12 (rule partitions, interceptor topics)";
        assertThat(enforcement.refusal()).hasValue(message);
        assertThat(overrides).isEmpty();
        assertThat(context.violations()).containsExactly(
                new PolicyViolation("partitions", PolicyAction.BLOCK, "orders", "500", message));
    }

    @Test
    void refusalNamesEveryBlockingRule() {
        enforcement.enforce(new Breach("a", PolicyAction.BLOCK, "1", "a 1 is wrong", null));
        enforcement.enforce(new Breach("b", PolicyAction.BLOCK, "2", "b 2 is wrong", null));

        assertThat(enforcement.refusal())
                .hasValue("a 1 is wrong (rule a, interceptor topics); b 2 is wrong (rule b, interceptor topics)");
    }

    @Test
    void infoOnlyReports() {
        enforcement.enforce(new Breach("partitions", PolicyAction.INFO, "500", "partitions 500 is above the maximum of 12",
                "12"), overrides::add);

        assertThat(enforcement.refusal()).isEmpty();
        assertThat(overrides).isEmpty();
        assertThat(context.violations()).singleElement().extracting(PolicyViolation::action).isEqualTo(PolicyAction.INFO);
    }

    @Test
    void overrideRewritesAndSaysOldToNew() {
        enforcement.enforce(new Breach("partitions", PolicyAction.OVERRIDE, "500",
                "partitions 500 is above the maximum of 12", "12"), overrides::add);

        assertThat(enforcement.refusal()).isEmpty();
        assertThat(overrides).containsExactly("12");
        assertThat(context.violations()).containsExactly(new PolicyViolation("partitions", PolicyAction.OVERRIDE,
                "orders", "500", "partitions 500 is above the maximum of 12: overridden 500 -> 12 "
                        + "(rule partitions, interceptor topics)"));
    }

    @Test
    void overrideWithoutAReplacementRefusesAsBlock() {
        enforcement.enforce(new Breach("configs.compression.type", PolicyAction.OVERRIDE, "gzip",
                "compression.type gzip is not one of the allowed values [zstd]", null), overrides::add);

        assertThat(enforcement.refusal()).isPresent();
        assertThat(overrides).isEmpty();
        assertThat(context.violations()).singleElement().extracting(PolicyViolation::action)
                .isEqualTo(PolicyAction.BLOCK);
    }
}
