package io.streamgate.plugins.policy.altertopicconfig;

import io.streamgate.api.PluginConfig;
import io.streamgate.api.PolicyAction;
import io.streamgate.api.PolicyViolation;
import io.streamgate.api.RequestOutcome;
import io.streamgate.plugins.testkit.FakeInterceptorContext;
import io.streamgate.plugins.testkit.FakePluginContext;
import io.streamgate.plugins.testkit.RegisteredHooks;
import org.apache.kafka.clients.admin.AlterConfigOp.OpType;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.message.AlterConfigsRequestData;
import org.apache.kafka.common.message.AlterConfigsResponseData;
import org.apache.kafka.common.message.IncrementalAlterConfigsRequestData;
import org.apache.kafka.common.message.IncrementalAlterConfigsRequestData.AlterConfigsResource;
import org.apache.kafka.common.message.IncrementalAlterConfigsRequestData.AlterableConfig;
import org.apache.kafka.common.message.IncrementalAlterConfigsResponseData;
import org.apache.kafka.common.message.IncrementalAlterConfigsResponseData.AlterConfigsResourceResponse;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class AlterTopicConfigPolicyInterceptorTest {

    private static final byte TOPIC = ConfigResource.Type.TOPIC.id();
    private static final byte BROKER = ConfigResource.Type.BROKER.id();

    private final FakeInterceptorContext context = new FakeInterceptorContext(ApiKeys.INCREMENTAL_ALTER_CONFIGS, 1)
            .interceptorName("configs");

    @Test
    void refusesAChangeOfADeniedKeyWhateverTheOperation() {
        RegisteredHooks hooks = hooks(Map.of("denied", List.of("min.insync.replicas")));

        for (OpType operation : OpType.values()) {
            RequestOutcome outcome = hooks.request(context, incremental(
                    resource(TOPIC, "orders", op("min.insync.replicas", operation, "1"))));

            assertThat(results(outcome)).containsExactly(new AlterConfigsResourceResponse().setResourceType(TOPIC)
                    .setResourceName("orders").setErrorCode(Errors.POLICY_VIOLATION.code())
                    .setErrorMessage("config min.insync.replicas may not be changed (rule denied, interceptor configs)"));
        }
        assertThat(context.violations()).hasSize(OpType.values().length).allSatisfy(violation ->
                assertThat(violation).isEqualTo(new PolicyViolation("denied", PolicyAction.BLOCK, "orders",
                        "min.insync.replicas", "config min.insync.replicas may not be changed "
                        + "(rule denied, interceptor configs)")));
    }

    @Test
    void refusesASetOutsideTheBounds() {
        RequestOutcome outcome = hooks(Map.of("configs", Map.of("retention.ms", Map.of("max", 604_800_000))))
                .request(context, incremental(resource(TOPIC, "orders", op("retention.ms", OpType.SET, "-1"))));

        assertThat(results(outcome)).extracting(AlterConfigsResourceResponse::errorMessage).containsExactly(
                "retention.ms -1 (unlimited) is above the maximum of 604800000 "
                        + "(rule configs.retention.ms, interceptor configs)");
    }

    @Test
    void clampsASetWithOverride() {
        IncrementalAlterConfigsRequestData request = incremental(
                resource(TOPIC, "orders", op("retention.ms", OpType.SET, "1000")));

        RequestOutcome outcome = hooks(Map.of("configs", Map.of("retention.ms",
                Map.of("min", 3_600_000, "action", "OVERRIDE")))).request(context, request);

        assertThat(outcome).isEqualTo(new RequestOutcome.Forward(null));
        assertThat(operations(request)).containsExactly(tuple("retention.ms", OpType.SET.id(), "3600000"));
        assertThat(context.violations()).singleElement().extracting(PolicyViolation::action)
                .isEqualTo(PolicyAction.OVERRIDE);
    }

    @Test
    void letsABreachThroughWithInfo() {
        IncrementalAlterConfigsRequestData request = incremental(
                resource(TOPIC, "orders", op("compression.type", OpType.SET, "gzip")));

        RequestOutcome outcome = hooks(Map.of("configs", Map.of("compression.type",
                Map.of("allowed", List.of("zstd"), "action", "INFO")))).request(context, request);

        assertThat(outcome).isEqualTo(new RequestOutcome.Forward(null));
        assertThat(operations(request)).containsExactly(tuple("compression.type", OpType.SET.id(), "gzip"));
        assertThat(context.violations()).singleElement().extracting(PolicyViolation::action)
                .isEqualTo(PolicyAction.INFO);
    }

    @Test
    void refusesDeletingARequiredConfigOrSetsItsDefaultWithOverride() {
        RequestOutcome refused = hooks(Map.of("configs", Map.of("min.insync.replicas", Map.of("required", true))))
                .request(context, incremental(resource(TOPIC, "orders", op("min.insync.replicas", OpType.DELETE, null))));
        assertThat(results(refused)).extracting(AlterConfigsResourceResponse::errorMessage).containsExactly(
                "min.insync.replicas is not set and is required (rule configs.min.insync.replicas, interceptor configs)");

        IncrementalAlterConfigsRequestData request = incremental(
                resource(TOPIC, "orders", op("min.insync.replicas", OpType.DELETE, null)));
        hooks(Map.of("configs", Map.of("min.insync.replicas", Map.of("required", true, "default", 2,
                "action", "OVERRIDE")))).request(context, request);
        assertThat(operations(request)).containsExactly(tuple("min.insync.replicas", OpType.SET.id(), "2"));
    }

    @Test
    void checksAppendedItemsButCannotOverrideThem() {
        RequestOutcome outcome = hooks(Map.of("configs", Map.of("cleanup.policy", Map.of("allowed", List.of("delete"),
                "default", "delete", "action", "OVERRIDE"))))
                .request(context, incremental(resource(TOPIC, "orders", op("cleanup.policy", OpType.APPEND, "compact"))));

        assertThat(results(outcome)).extracting(AlterConfigsResourceResponse::errorCode)
                .containsExactly(Errors.POLICY_VIOLATION.code());
    }

    @Test
    void letsSubtractionsOfRuledConfigsThrough() {
        RequestOutcome outcome = hooks(Map.of("configs", Map.of("cleanup.policy", Map.of("allowed", List.of("delete")))))
                .request(context, incremental(resource(TOPIC, "orders", op("cleanup.policy", OpType.SUBTRACT, "compact"))));

        assertThat(outcome).isEqualTo(new RequestOutcome.Forward(null));
    }

    @Test
    void leavesOtherResourceTypesAlone() {
        IncrementalAlterConfigsRequestData request = incremental(
                resource(BROKER, "1", op("min.insync.replicas", OpType.SET, "1")));

        RequestOutcome outcome = hooks(Map.of("denied", List.of("min.insync.replicas"))).request(context, request);

        assertThat(outcome).isEqualTo(new RequestOutcome.Forward(null));
        assertThat(context.violations()).isEmpty();
    }

    @Test
    void refusesOnlyTheBadTopicAndAddsItsErrorToTheBrokersResponse() {
        IncrementalAlterConfigsRequestData request = incremental(
                resource(TOPIC, "orders", op("retention.ms", OpType.SET, "1000")),
                resource(TOPIC, "payments", op("min.insync.replicas", OpType.SET, "1")));
        RegisteredHooks hooks = hooks(Map.of("denied", List.of("min.insync.replicas")));

        assertThat(hooks.request(context, request)).isEqualTo(new RequestOutcome.Forward(null));
        assertThat(request.resources()).extracting(AlterConfigsResource::resourceName).containsExactly("orders");

        IncrementalAlterConfigsResponseData response = new IncrementalAlterConfigsResponseData();
        response.responses().add(new AlterConfigsResourceResponse().setResourceType(TOPIC).setResourceName("orders"));
        hooks.response(context, response);
        assertThat(response.responses()).extracting(AlterConfigsResourceResponse::resourceName,
                AlterConfigsResourceResponse::errorCode).containsExactly(tuple("orders", Errors.NONE.code()),
                tuple("payments", Errors.POLICY_VIOLATION.code()));
    }

    @Test
    void checksALegacyAlterConfigsAsTheCompleteSetOfConfigs() {
        FakeInterceptorContext legacy = new FakeInterceptorContext(ApiKeys.ALTER_CONFIGS, 2).interceptorName("configs");
        AlterConfigsRequestData request = new AlterConfigsRequestData();
        request.resources().add(legacyResource("orders", Map.of("retention.ms", "1000")));
        request.resources().add(legacyResource("payments", Map.of("retention.ms", "1000", "min.insync.replicas", "2")));
        RegisteredHooks hooks = hooks(Map.of("configs", Map.of(
                "retention.ms", Map.of("min", 3_600_000, "action", "OVERRIDE"),
                "min.insync.replicas", Map.of("required", true))));

        assertThat(hooks.request(legacy, request)).isEqualTo(new RequestOutcome.Forward(null));

        assertThat(request.resources()).singleElement().satisfies(payments -> {
            assertThat(payments.resourceName()).isEqualTo("payments");
            assertThat(payments.configs().find("retention.ms").value()).isEqualTo("3600000");
        });
        AlterConfigsResponseData response = new AlterConfigsResponseData();
        hooks.response(legacy, response);
        assertThat(response.responses()).singleElement().satisfies(orders -> {
            assertThat(orders.resourceName()).isEqualTo("orders");
            assertThat(orders.errorCode()).isEqualTo(Errors.POLICY_VIOLATION.code());
            assertThat(orders.errorMessage()).isEqualTo("min.insync.replicas is not set and is required "
                    + "(rule configs.min.insync.replicas, interceptor configs)");
        });
    }

    @Test
    void refusesADeniedKeyInALegacyAlterConfigsWithoutAskingTheBroker() {
        FakeInterceptorContext legacy = new FakeInterceptorContext(ApiKeys.ALTER_CONFIGS, 2).interceptorName("configs");
        AlterConfigsRequestData request = new AlterConfigsRequestData();
        request.resources().add(legacyResource("orders", Map.of("min.insync.replicas", "1")));

        RequestOutcome outcome = hooks(Map.of("denied", List.of("min.insync.replicas"))).request(legacy, request);

        assertThat(outcome).isInstanceOfSatisfying(RequestOutcome.Respond.class, respond ->
                assertThat(((AlterConfigsResponseData) respond.response()).responses()).singleElement()
                        .extracting(AlterConfigsResponseData.AlterConfigsResourceResponse::errorCode)
                        .isEqualTo(Errors.POLICY_VIOLATION.code()));
    }

    private static AlterConfigsRequestData.AlterConfigsResource legacyResource(String topic, Map<String, String> configs) {
        AlterConfigsRequestData.AlterConfigsResource resource = new AlterConfigsRequestData.AlterConfigsResource()
                .setResourceType(TOPIC).setResourceName(topic);
        configs.forEach((key, value) -> resource.configs().add(
                new AlterConfigsRequestData.AlterableConfig().setName(key).setValue(value)));
        return resource;
    }

    private static List<org.assertj.core.groups.Tuple> operations(IncrementalAlterConfigsRequestData request) {
        return request.resources().iterator().next().configs().stream()
                .map(config -> tuple(config.name(), config.configOperation(), config.value())).toList();
    }

    /** The per-resource responses of the response the gateway answered with itself. */
    private static List<AlterConfigsResourceResponse> results(RequestOutcome outcome) {
        assertThat(outcome).isInstanceOf(RequestOutcome.Respond.class);
        return ((IncrementalAlterConfigsResponseData) ((RequestOutcome.Respond) outcome).response()).responses();
    }

    private static RegisteredHooks hooks(Map<String, ?> config) {
        return RegisteredHooks.of(new AlterTopicConfigPolicyPlugin().create(new PluginConfig(config),
                new FakePluginContext()));
    }

    private static IncrementalAlterConfigsRequestData incremental(AlterConfigsResource... resources) {
        IncrementalAlterConfigsRequestData request = new IncrementalAlterConfigsRequestData();
        for (AlterConfigsResource resource : resources) {
            request.resources().add(resource);
        }
        return request;
    }

    private static AlterConfigsResource resource(byte type, String name, AlterableConfig... operations) {
        AlterConfigsResource resource = new AlterConfigsResource().setResourceType(type).setResourceName(name);
        for (AlterableConfig operation : operations) {
            resource.configs().add(operation);
        }
        return resource;
    }

    private static AlterableConfig op(String key, OpType operation, String value) {
        return new AlterableConfig().setName(key).setConfigOperation(operation.id()).setValue(value);
    }
}
