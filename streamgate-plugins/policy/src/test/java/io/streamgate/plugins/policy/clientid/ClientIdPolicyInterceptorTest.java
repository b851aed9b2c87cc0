package io.streamgate.plugins.policy.clientid;

import io.streamgate.api.PluginConfig;
import io.streamgate.api.PolicyAction;
import io.streamgate.api.PolicyViolation;
import io.streamgate.api.RequestOutcome;
import io.streamgate.plugins.testkit.FakeConnection;
import io.streamgate.plugins.testkit.FakeInterceptorContext;
import io.streamgate.plugins.testkit.FakePluginContext;
import io.streamgate.plugins.testkit.RegisteredHooks;
import org.apache.kafka.common.message.CreateTopicsRequestData;
import org.apache.kafka.common.message.FetchRequestData;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ClientIdPolicyInterceptorTest {

    private static final Map<String, Object> CONVENTION = Map.of("pattern", "[a-z]+-(producer|consumer)-.+");

    @Test
    void refusesEveryRequestOfAClientIdThatDoesNotMatchWithPolicyViolation() {
        FakeConnection connection = new FakeConnection().clientId("producer-1");
        FakeInterceptorContext context = new FakeInterceptorContext(ApiKeys.PRODUCE, (short) 11, connection)
                .interceptorName("client-ids");

        RequestOutcome outcome = hooks(CONVENTION).request(context, new ProduceRequestData());

        String message = "client id 'producer-1' does not match [a-z]+-(producer|consumer)-.+ (rule clientId, "
                + "interceptor client-ids)";
        assertThat(outcome).isEqualTo(new RequestOutcome.Fail(Errors.POLICY_VIOLATION, message));
        assertThat(context.violations()).containsExactly(
                new PolicyViolation("clientId", PolicyAction.BLOCK, null, "producer-1", message));
    }

    @Test
    void forwardsTheRequestsOfAClientIdThatMatches() {
        FakeConnection connection = new FakeConnection().clientId("billing-producer-1");
        FakeInterceptorContext context = new FakeInterceptorContext(ApiKeys.FETCH, (short) 12, connection);

        assertThat(hooks(CONVENTION).request(context, new FetchRequestData()))
                .isEqualTo(new RequestOutcome.Forward(null));
        assertThat(context.violations()).isEmpty();
    }

    @Test
    void treatsAnAbsentClientIdAsEmpty() {
        FakeConnection connection = new FakeConnection().clientId("");

        assertThat(hooks(CONVENTION).request(new FakeInterceptorContext(ApiKeys.CREATE_TOPICS, (short) 7, connection),
                new CreateTopicsRequestData())).isInstanceOfSatisfying(RequestOutcome.Fail.class,
                        fail -> assertThat(fail.message()).startsWith("client id '' does not match"));
    }

    @Test
    void letsTheConnectionSetupApisThroughSoThatTheClientLearnsWhyFromItsFirstRealRequest() {
        RegisteredHooks hooks = hooks(CONVENTION);

        assertThat(hooks.requestApis()).doesNotContain(ApiKeys.API_VERSIONS, ApiKeys.SASL_HANDSHAKE,
                ApiKeys.SASL_AUTHENTICATE, ApiKeys.METADATA);
        assertThat(hooks.requestApis()).contains(ApiKeys.PRODUCE, ApiKeys.FETCH, ApiKeys.FIND_COORDINATOR,
                ApiKeys.CREATE_TOPICS, ApiKeys.INIT_PRODUCER_ID, ApiKeys.DESCRIBE_CLUSTER);
    }

    @Test
    void reportsOncePerConnectionAndClientIdRatherThanOncePerRequest() {
        RegisteredHooks hooks = hooks(Map.of("pattern", "app-.*", "action", "INFO"));
        FakeConnection connection = new FakeConnection().clientId("rogue");
        FakeInterceptorContext first = new FakeInterceptorContext(ApiKeys.PRODUCE, (short) 11, connection);
        FakeInterceptorContext second = new FakeInterceptorContext(ApiKeys.PRODUCE, (short) 11, connection);
        FakeInterceptorContext renamed = new FakeInterceptorContext(ApiKeys.PRODUCE, (short) 11, connection);

        assertThat(hooks.request(first, new ProduceRequestData())).isEqualTo(new RequestOutcome.Forward(null));
        assertThat(hooks.request(second, new ProduceRequestData())).isEqualTo(new RequestOutcome.Forward(null));
        connection.clientId("rogue-2");
        hooks.request(renamed, new ProduceRequestData());

        assertThat(first.violations()).singleElement().extracting(PolicyViolation::action)
                .isEqualTo(PolicyAction.INFO);
        assertThat(second.violations()).isEmpty();
        assertThat(renamed.violations()).extracting(PolicyViolation::value).containsExactly("rogue-2");
    }

    private static RegisteredHooks hooks(Map<String, ?> config) {
        return RegisteredHooks.of(new ClientIdPolicyPlugin().create(new PluginConfig(config), new FakePluginContext()));
    }
}
