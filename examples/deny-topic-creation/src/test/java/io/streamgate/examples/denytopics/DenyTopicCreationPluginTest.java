package io.streamgate.examples.denytopics;

import io.streamgate.api.PluginConfig;
import io.streamgate.api.RequestOutcome;
import io.streamgate.api.ResponseOutcome;
import io.streamgate.plugins.testkit.ConfigSchemas;
import io.streamgate.plugins.testkit.FakeInterceptorContext;
import io.streamgate.plugins.testkit.FakePluginContext;
import io.streamgate.plugins.testkit.RegisteredHooks;
import org.apache.kafka.common.message.CreateTopicsRequestData;
import org.apache.kafka.common.message.CreateTopicsResponseData;
import org.apache.kafka.common.message.CreateTopicsResponseData.CreatableTopicResult;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The example plugin, unit-tested with the plugin testkit: no gateway, no broker. */
class DenyTopicCreationPluginTest {

    private final RegisteredHooks hooks = RegisteredHooks.of(new DenyTopicCreationPlugin()
            .create(new PluginConfig(Map.of("pattern", "^tmp-")), new FakePluginContext()));

    @Test
    void answersACreateTopicsWhoseTopicsAreAllDenied() {
        RequestOutcome outcome = hooks.request(context(), request("tmp-1", "tmp-2"));

        assertThat(outcome).isInstanceOf(RequestOutcome.Respond.class);
        CreateTopicsResponseData response = (CreateTopicsResponseData) ((RequestOutcome.Respond) outcome).response();
        assertThat(response.topics()).extracting(CreatableTopicResult::name).containsExactlyInAnyOrder("tmp-1", "tmp-2");
        assertThat(response.topics()).extracting(CreatableTopicResult::errorCode)
                .containsOnly(Errors.POLICY_VIOLATION.code());
    }

    @Test
    void forwardsTheAllowedTopicsAndAddsTheRefusalsToTheBrokersAnswer() {
        FakeInterceptorContext context = context();
        CreateTopicsRequestData request = request("orders", "tmp-1");

        assertThat(hooks.request(context, request)).isInstanceOf(RequestOutcome.Forward.class);
        assertThat(request.topics()).extracting(CreateTopicsRequestData.CreatableTopic::name).containsExactly("orders");

        CreateTopicsResponseData fromBroker = new CreateTopicsResponseData();
        fromBroker.topics().add(new CreatableTopicResult().setName("orders"));
        assertThat(hooks.response(context, fromBroker)).isInstanceOf(ResponseOutcome.Forward.class);
        assertThat(fromBroker.topics()).extracting(CreatableTopicResult::name, CreatableTopicResult::errorCode)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("orders", Errors.NONE.code()),
                        org.assertj.core.groups.Tuple.tuple("tmp-1", Errors.POLICY_VIOLATION.code()));
    }

    @Test
    void itsSchemaRequiresAPattern() {
        assertThat(ConfigSchemas.problems(new DenyTopicCreationPlugin(), Map.of())).isNotEmpty();
        assertThat(ConfigSchemas.problems(new DenyTopicCreationPlugin(), Map.of("pattern", "^tmp-"))).isEmpty();
    }

    private static FakeInterceptorContext context() {
        return new FakeInterceptorContext(ApiKeys.CREATE_TOPICS, 7);
    }

    private static CreateTopicsRequestData request(String... names) {
        CreateTopicsRequestData request = new CreateTopicsRequestData();
        for (String name : names) {
            request.topics().add(new CreateTopicsRequestData.CreatableTopic().setName(name));
        }
        return request;
    }
}
