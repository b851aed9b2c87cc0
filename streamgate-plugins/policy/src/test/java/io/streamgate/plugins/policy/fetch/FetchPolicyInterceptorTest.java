package io.streamgate.plugins.policy.fetch;

import io.streamgate.api.PluginConfig;
import io.streamgate.api.PolicyAction;
import io.streamgate.api.PolicyViolation;
import io.streamgate.api.RequestOutcome;
import io.streamgate.plugins.testkit.FakeInterceptorContext;
import io.streamgate.plugins.testkit.FakePluginContext;
import io.streamgate.plugins.testkit.RegisteredHooks;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.message.FetchRequestData;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FetchPolicyInterceptorTest {

    private final FakeInterceptorContext context = new FakeInterceptorContext(ApiKeys.FETCH, 17)
            .interceptorName("fetch-guard");

    @Test
    void refusesReadUncommittedFetchesWhenReadCommittedIsRequired() {
        RequestOutcome outcome = hooks(Map.of("isolationLevel", Map.of("required", "read_committed")))
                .request(context, fetch().setIsolationLevel(IsolationLevel.READ_UNCOMMITTED.id()));

        String message = "fetch isolation level read_uncommitted is not allowed, read_committed is required "
                + "(rule isolationLevel, interceptor fetch-guard)";
        assertThat(outcome).isEqualTo(new RequestOutcome.Fail(Errors.POLICY_VIOLATION, message));
        assertThat(context.violations()).containsExactly(
                new PolicyViolation("isolationLevel", PolicyAction.BLOCK, null, "read_uncommitted", message));
    }

    @Test
    void forwardsReadCommittedFetchesWithoutReporting() {
        RequestOutcome outcome = hooks(Map.of("isolationLevel", Map.of("required", "read_committed")))
                .request(context, fetch().setIsolationLevel(IsolationLevel.READ_COMMITTED.id()));

        assertThat(outcome).isEqualTo(new RequestOutcome.Unchanged());
        assertThat(context.violations()).isEmpty();
    }

    @Test
    void overrideMakesAReadUncommittedFetchReadCommitted() {
        FetchRequestData request = fetch().setIsolationLevel(IsolationLevel.READ_UNCOMMITTED.id());

        RequestOutcome outcome = hooks(Map.of("isolationLevel",
                Map.of("required", "read_committed", "action", "OVERRIDE"))).request(context, request);

        assertThat(outcome).isEqualTo(new RequestOutcome.Forward(null));
        assertThat(request.isolationLevel()).isEqualTo(IsolationLevel.READ_COMMITTED.id());
        assertThat(context.violations()).singleElement().satisfies(v -> {
            assertThat(v.action()).isEqualTo(PolicyAction.OVERRIDE);
            assertThat(v.message()).isEqualTo("fetch isolation level read_uncommitted -> read_committed "
                    + "(rule isolationLevel, interceptor fetch-guard)");
        });
    }

    @Test
    void infoLetsAReadUncommittedFetchThroughAndReportsIt() {
        FetchRequestData request = fetch().setIsolationLevel(IsolationLevel.READ_UNCOMMITTED.id());

        RequestOutcome outcome = hooks(Map.of("isolationLevel", Map.of("required", "read_committed", "action", "INFO")))
                .request(context, request);

        assertThat(outcome).isEqualTo(new RequestOutcome.Unchanged());
        assertThat(request.isolationLevel()).isEqualTo(IsolationLevel.READ_UNCOMMITTED.id());
        assertThat(context.violations()).extracting(PolicyViolation::action).containsExactly(PolicyAction.INFO);
    }

    @Test
    void refusesMaxBytesAboveTheMaximum() {
        RequestOutcome outcome = hooks(Map.of("maxBytes", Map.of("max", 1_048_576)))
                .request(context, fetch().setMaxBytes(52_428_800));

        assertThat(outcome).isEqualTo(new RequestOutcome.Fail(Errors.POLICY_VIOLATION,
                "fetch maxBytes 52428800 is above the maximum of 1048576 (rule maxBytes, interceptor fetch-guard)"));
        assertThat(context.violations()).extracting(PolicyViolation::value).containsExactly("52428800");
    }

    @Test
    void refusesMinBytesBelowTheMinimum() {
        RequestOutcome outcome = hooks(Map.of("minBytes", Map.of("min", 1024)))
                .request(context, fetch().setMinBytes(1));

        assertThat(outcome).isEqualTo(new RequestOutcome.Fail(Errors.POLICY_VIOLATION,
                "fetch minBytes 1 is below the minimum of 1024 (rule minBytes, interceptor fetch-guard)"));
    }

    @Test
    void overrideClampsEveryBoundedNumberIntoItsRange() {
        FetchRequestData request = fetch().setMaxBytes(52_428_800).setMinBytes(1).setMaxWaitMs(30_000);

        RequestOutcome outcome = hooks(Map.of(
                "maxBytes", Map.of("max", 1_048_576, "action", "OVERRIDE"),
                "minBytes", Map.of("min", 1024, "max", 4096, "action", "OVERRIDE"),
                "maxWaitMs", Map.of("min", 100, "max", 500, "action", "OVERRIDE"))).request(context, request);

        assertThat(outcome).isEqualTo(new RequestOutcome.Forward(null));
        assertThat(request.maxBytes()).isEqualTo(1_048_576);
        assertThat(request.minBytes()).isEqualTo(1024);
        assertThat(request.maxWaitMs()).isEqualTo(500);
        assertThat(context.violations()).extracting(PolicyViolation::message).containsExactly(
                "fetch maxBytes 52428800 -> 1048576 (rule maxBytes, interceptor fetch-guard)",
                "fetch minBytes 1 -> 1024 (rule minBytes, interceptor fetch-guard)",
                "fetch maxWaitMs 30000 -> 500 (rule maxWaitMs, interceptor fetch-guard)");
    }

    @Test
    void leavesNumbersWithinBoundsAlone() {
        FetchRequestData request = fetch().setMaxWaitMs(300);

        RequestOutcome outcome = hooks(Map.of("maxWaitMs", Map.of("min", 100, "max", 500, "action", "OVERRIDE")))
                .request(context, request);

        assertThat(outcome).isEqualTo(new RequestOutcome.Unchanged());
        assertThat(request.maxWaitMs()).isEqualTo(300);
        assertThat(context.violations()).isEmpty();
    }

    @Test
    void refusesFetchesWithoutRackIdWhenOneIsRequired() {
        RegisteredHooks hooks = hooks(Map.of("rackId", Map.of()));

        RequestOutcome outcome = hooks.request(context, fetch().setRackId(""));
        RequestOutcome withRack = hooks.request(context, fetch().setRackId("eu-west-1a"));

        assertThat(outcome).isEqualTo(new RequestOutcome.Fail(Errors.POLICY_VIOLATION,
                "fetch has no rack id (client.rack), one is required (rule rackId, interceptor fetch-guard)"));
        assertThat(withRack).isEqualTo(new RequestOutcome.Unchanged());
    }

    @Test
    void aRackIdRuleThatRequiresNoneChecksNothing() {
        assertThat(hooks(Map.of("rackId", Map.of("required", false))).request(context, fetch().setRackId("")))
                .isEqualTo(new RequestOutcome.Unchanged());
    }

    @Test
    void refusesFetchVersionsOutsideTheRangeWithUnsupportedVersion() {
        RegisteredHooks hooks = hooks(Map.of("apiVersion", Map.of("min", 12)));

        RequestOutcome old = hooks.request(new FakeInterceptorContext(ApiKeys.FETCH, 11).interceptorName("fetch-guard"),
                fetch());

        assertThat(old).isEqualTo(new RequestOutcome.Fail(Errors.UNSUPPORTED_VERSION,
                "Fetch version 11 is below the minimum of 12 (rule apiVersion, interceptor fetch-guard)"));
        assertThat(hooks.request(context, fetch())).isEqualTo(new RequestOutcome.Unchanged());
    }

    @Test
    void reportsEveryBrokenRuleAndFailsWithTheFirstBlockingOne() {
        FetchRequestData request = fetch().setMaxWaitMs(30_000).setRackId("")
                .setIsolationLevel(IsolationLevel.READ_UNCOMMITTED.id());

        RequestOutcome outcome = hooks(Map.of(
                "isolationLevel", Map.of("required", "read_committed", "action", "OVERRIDE"),
                "maxWaitMs", Map.of("max", 500),
                "rackId", Map.of())).request(context, request);

        assertThat(outcome).isInstanceOfSatisfying(RequestOutcome.Fail.class, fail ->
                assertThat(fail.message()).contains("rule maxWaitMs"));
        assertThat(context.violations()).extracting(PolicyViolation::rule)
                .containsExactly("isolationLevel", "maxWaitMs", "rackId");
    }

    @Test
    void neverHooksFetchResponsesSoThatTheyStayUndecoded() {
        RegisteredHooks hooks = hooks(Map.of("isolationLevel", Map.of("required", "read_committed"),
                "maxBytes", Map.of("max", 1)));

        assertThat(hooks.handlesResponse(FetchResponseData.class)).isFalse();
        assertThat(hooks.responseApis()).isEmpty();
        assertThat(hooks.requestApis()).containsExactly(ApiKeys.FETCH);
    }

    private static FetchRequestData fetch() {
        return new FetchRequestData().setReplicaId(-1).setMaxWaitMs(500).setMinBytes(1).setMaxBytes(52_428_800)
                .setIsolationLevel(IsolationLevel.READ_COMMITTED.id()).setRackId("");
    }

    private static RegisteredHooks hooks(Map<String, ?> config) {
        return RegisteredHooks.of(new FetchPolicyPlugin().create(new PluginConfig(config), new FakePluginContext()));
    }
}
