package io.streamgate.plugins.testkit;

import io.streamgate.api.ConnectionOutcome;
import io.streamgate.api.Hooks;
import io.streamgate.api.Interceptor;
import io.streamgate.api.RequestOutcome;
import io.streamgate.api.ResponseOutcome;
import org.apache.kafka.common.message.CreateTopicsRequestData;
import org.apache.kafka.common.message.DeleteTopicsRequestData;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegisteredHooksTest {

    @Test
    void callsATypedHookForTheApiOfItsMessageClass() {
        RegisteredHooks hooks = RegisteredHooks.of(registering -> registering
                .onRequest(ProduceRequestData.class, (context, produce) ->
                        RequestOutcome.fail(Errors.POLICY_VIOLATION, "acks " + produce.acks()))
                .onResponse(FetchResponseData.class, (context, fetch) -> ResponseOutcome.forward()));

        assertThat(hooks.requestApis()).containsExactly(ApiKeys.PRODUCE);
        assertThat(hooks.responseApis()).containsExactly(ApiKeys.FETCH);
        assertThat(hooks.handlesRequest(ProduceRequestData.class)).isTrue();
        assertThat(hooks.handlesResponse(FetchResponseData.class)).isTrue();
        assertThat(hooks.request(new FakeInterceptorContext(ApiKeys.PRODUCE, 11),
                new ProduceRequestData().setAcks((short) 0)))
                .isEqualTo(new RequestOutcome.Fail(Errors.POLICY_VIOLATION, "acks 0"));
        assertThat(hooks.response(new FakeInterceptorContext(ApiKeys.FETCH, 17), new FetchResponseData()))
                .isEqualTo(new ResponseOutcome.Forward(null));
    }

    @Test
    void callsAGenericHookForEachChosenApi() {
        RegisteredHooks hooks = RegisteredHooks.of(registering -> registering.onRequests(
                List.of(ApiKeys.CREATE_TOPICS, ApiKeys.DELETE_TOPICS),
                (context, request) -> RequestOutcome.close(context.apiKey().name)));

        assertThat(hooks.requestApis()).containsExactlyInAnyOrder(ApiKeys.CREATE_TOPICS, ApiKeys.DELETE_TOPICS);
        assertThat(hooks.request(new FakeInterceptorContext(ApiKeys.DELETE_TOPICS, 6), new DeleteTopicsRequestData()))
                .isEqualTo(new RequestOutcome.Close("DeleteTopics"));
    }

    @Test
    void callsTheConnectionHookWithTheContextOfTheTriggeringRequest() {
        RegisteredHooks hooks = RegisteredHooks.of(registering -> registering.onConnection(context ->
                ConnectionOutcome.accept(context.connection().clientId() + "-" + context.apiKey().name)));

        assertThat(hooks.handlesConnections()).isTrue();
        assertThat(hooks.requestApis()).isEmpty();
        assertThat(hooks.connection(new FakeInterceptorContext(ApiKeys.API_VERSIONS, 3)))
                .isEqualTo(new ConnectionOutcome.Accept("test-client-ApiVersions"));
        assertThatThrownBy(() -> RegisteredHooks.of(registering -> registering.onRequests(List.of(ApiKeys.PRODUCE),
                (context, request) -> RequestOutcome.forward())).connection(
                new FakeInterceptorContext(ApiKeys.PRODUCE, 11))).isInstanceOf(AssertionError.class)
                .hasMessage("no connection hook");
    }

    @Test
    void refusesAMessageThatIsNotOfTheContextsApi() {
        RegisteredHooks hooks = RegisteredHooks.of(registering -> registering.onRequests(
                List.of(ApiKeys.CREATE_TOPICS), (context, request) -> RequestOutcome.forward()));

        assertThatThrownBy(() -> hooks.request(new FakeInterceptorContext(ApiKeys.CREATE_TOPICS, 7),
                new DeleteTopicsRequestData())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("DeleteTopicsRequestData is not a request of CreateTopics, the API of the context");
        assertThatThrownBy(() -> hooks.response(new FakeInterceptorContext(ApiKeys.CREATE_TOPICS, 7),
                new CreateTopicsRequestData())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void failsTheTestWhenTheApiHasNoHook() {
        RegisteredHooks hooks = RegisteredHooks.of(registering -> registering.onRequest(ProduceRequestData.class,
                (context, produce) -> RequestOutcome.forward()));

        assertThatThrownBy(() -> hooks.response(new FakeInterceptorContext(ApiKeys.FETCH, 17), new FetchResponseData()))
                .isInstanceOf(AssertionError.class).hasMessage("no response hook for Fetch");
    }

    @Test
    void refusesHooksRegisteredAfterRegisterHooks() {
        AtomicReference<Hooks> kept = new AtomicReference<>();
        Interceptor interceptor = kept::set;
        RegisteredHooks.of(interceptor);

        assertThatThrownBy(() -> kept.get().onRequests(List.of(ApiKeys.PRODUCE), (context, request) ->
                RequestOutcome.forward())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesATypedHookForAClassThatIsNoRequest() {
        assertThatThrownBy(() -> RegisteredHooks.of(registering -> registering.onRequest(FetchResponseData.class,
                (context, fetch) -> RequestOutcome.forward()))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a request message class");
    }
}
