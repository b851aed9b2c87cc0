package io.streamgate.plugins.policy.clientid;

import io.streamgate.api.ConnectionOutcome;
import io.streamgate.api.PluginConfig;
import io.streamgate.api.PolicyAction;
import io.streamgate.api.PolicyViolation;
import io.streamgate.plugins.testkit.FakeConnection;
import io.streamgate.plugins.testkit.FakeInterceptorContext;
import io.streamgate.plugins.testkit.FakePluginContext;
import io.streamgate.plugins.testkit.RegisteredHooks;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ClientIdPolicyInterceptorTest {

    private static final Map<String, Object> CONVENTION = Map.of("pattern", "[a-z]+-(producer|consumer)-.+");

    @Test
    void refusesTheConnectionOfAClientIdThatDoesNotMatchWithPolicyViolation() {
        FakeConnection connection = new FakeConnection().clientId("producer-1");
        FakeInterceptorContext context = new FakeInterceptorContext(ApiKeys.API_VERSIONS, (short) 3, connection)
                .interceptorName("client-ids");

        ConnectionOutcome outcome = hooks(CONVENTION).connection(context);

        String message = "client id 'producer-1' does not match [a-z]+-(producer|consumer)-.+ (rule clientId, "
                + "interceptor client-ids)";
        assertThat(outcome).isEqualTo(new ConnectionOutcome.Refuse(Errors.POLICY_VIOLATION, message));
        assertThat(context.violations()).containsExactly(
                new PolicyViolation("clientId", PolicyAction.BLOCK, null, "producer-1", message));
    }

    @Test
    void acceptsTheConnectionOfAClientIdThatMatches() {
        FakeConnection connection = new FakeConnection().clientId("billing-producer-1");
        FakeInterceptorContext context = new FakeInterceptorContext(ApiKeys.API_VERSIONS, (short) 3, connection);

        assertThat(hooks(CONVENTION).connection(context)).isEqualTo(new ConnectionOutcome.Accept(null));
        assertThat(context.violations()).isEmpty();
    }

    @Test
    void treatsAnAbsentClientIdAsEmpty() {
        FakeConnection connection = new FakeConnection().clientId("");

        assertThat(hooks(CONVENTION).connection(new FakeInterceptorContext(ApiKeys.API_VERSIONS, (short) 3,
                connection))).isInstanceOfSatisfying(ConnectionOutcome.Refuse.class,
                        refuse -> assertThat(refuse.message()).startsWith("client id '' does not match"));
    }

    @Test
    void decidesPerConnectionSoThatNoRequestIsDecodedForIt() {
        RegisteredHooks hooks = hooks(CONVENTION);

        assertThat(hooks.handlesConnections()).isTrue();
        assertThat(hooks.requestApis()).isEmpty();
        assertThat(hooks.responseApis()).isEmpty();
    }

    @Test
    void letsAClientIdThatDoesNotMatchThroughAndReportsItWithInfo() {
        FakeConnection connection = new FakeConnection().clientId("rogue");
        FakeInterceptorContext context = new FakeInterceptorContext(ApiKeys.METADATA, (short) 12, connection);

        assertThat(hooks(Map.of("pattern", "app-.*", "action", "INFO")).connection(context))
                .isEqualTo(new ConnectionOutcome.Accept(null));
        assertThat(context.violations()).singleElement().satisfies(violation -> {
            assertThat(violation.action()).isEqualTo(PolicyAction.INFO);
            assertThat(violation.value()).isEqualTo("rogue");
        });
    }

    @Test
    void replacesAClientIdThatDoesNotMatchWithTheOverrideTemplate() {
        FakeConnection connection = new FakeConnection().clientId("anything").principal("alice")
                .serviceAccount("billing").virtualCluster("payments")
                .clientAddress(new InetSocketAddress("10.1.2.3", 40000));
        FakeInterceptorContext context = new FakeInterceptorContext(ApiKeys.API_VERSIONS, (short) 3, connection)
                .interceptorName("client-ids");

        ConnectionOutcome outcome = hooks(Map.of("pattern", "app-.*", "action", "OVERRIDE", "override",
                "{{user}}-{{clientId}}@{{clientIp}}/{{listener}}/{{serviceAccount}}/{{ virtualCluster }}"))
                .connection(context);

        String renamed = "alice-anything@10.1.2.3/plain/billing/payments";
        assertThat(outcome).isEqualTo(new ConnectionOutcome.Accept(renamed));
        assertThat(context.violations()).containsExactly(new PolicyViolation("clientId", PolicyAction.OVERRIDE, null,
                "anything", "client id 'anything' does not match app-.*: replaced with '" + renamed
                        + "' (rule clientId, interceptor client-ids)"));
    }

    @Test
    void expandsAbsentConnectionDetailsToTheEmptyString() {
        FakeConnection connection = new FakeConnection().clientId("");

        assertThat(hooks(Map.of("pattern", "app-.*", "action", "OVERRIDE", "override",
                "team-{{clientId}}-{{serviceAccount}}-{{virtualCluster}}")).connection(
                new FakeInterceptorContext(ApiKeys.API_VERSIONS, (short) 3, connection)))
                .isEqualTo(new ConnectionOutcome.Accept("team---"));
    }

    @Test
    void leavesAMatchingClientIdAloneWithOverride() {
        FakeConnection connection = new FakeConnection().clientId("app-1");
        FakeInterceptorContext context = new FakeInterceptorContext(ApiKeys.API_VERSIONS, (short) 3, connection);

        assertThat(hooks(Map.of("pattern", "app-.*", "action", "OVERRIDE", "override", "team-{{clientId}}"))
                .connection(context)).isEqualTo(new ConnectionOutcome.Accept(null));
        assertThat(context.violations()).isEmpty();
    }

    @Test
    void reportsOncePerConnectionAndClientIdRatherThanEachTimeTheHookRuns() {
        RegisteredHooks hooks = hooks(Map.of("pattern", "app-.*", "action", "INFO"));
        FakeConnection connection = new FakeConnection().clientId("rogue");
        FakeInterceptorContext first = new FakeInterceptorContext(ApiKeys.API_VERSIONS, (short) 3, connection);
        FakeInterceptorContext chainChanged = new FakeInterceptorContext(ApiKeys.PRODUCE, (short) 11, connection);
        FakeInterceptorContext renamed = new FakeInterceptorContext(ApiKeys.PRODUCE, (short) 11, connection);

        hooks.connection(first);
        hooks.connection(chainChanged);
        connection.clientId("rogue-2");
        hooks.connection(renamed);

        assertThat(first.violations()).singleElement().extracting(PolicyViolation::value).isEqualTo("rogue");
        assertThat(chainChanged.violations()).isEmpty();
        assertThat(renamed.violations()).extracting(PolicyViolation::value).containsExactly("rogue-2");
    }

    private static RegisteredHooks hooks(Map<String, ?> config) {
        return RegisteredHooks.of(new ClientIdPolicyPlugin().create(new PluginConfig(config), new FakePluginContext()));
    }
}
