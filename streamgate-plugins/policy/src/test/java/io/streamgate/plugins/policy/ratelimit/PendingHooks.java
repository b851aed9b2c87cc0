package io.streamgate.plugins.policy.ratelimit;

import io.streamgate.api.ApiMessageTypes;
import io.streamgate.api.ConnectionHook;
import io.streamgate.api.ConnectionOutcome;
import io.streamgate.api.Hooks;
import io.streamgate.api.Interceptor;
import io.streamgate.api.InterceptorContext;
import io.streamgate.api.RequestHook;
import io.streamgate.api.RequestOutcome;
import io.streamgate.api.ResponseHook;
import io.streamgate.api.ResponseOutcome;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * The hooks of an interceptor, called without waiting for their outcome: for the stages a throttle leaves pending
 * (the testkit's {@code RegisteredHooks} waits for them).
 */
final class PendingHooks implements Hooks {

    private final Map<ApiKeys, RequestHook<ApiMessage>> requestHooks = new EnumMap<>(ApiKeys.class);
    private final Map<ApiKeys, ResponseHook<ApiMessage>> responseHooks = new EnumMap<>(ApiKeys.class);
    private ConnectionHook connectionHook;

    static PendingHooks of(Interceptor interceptor) {
        PendingHooks hooks = new PendingHooks();
        interceptor.registerHooks(hooks);
        return hooks;
    }

    CompletionStage<RequestOutcome> request(InterceptorContext context, ApiMessage request) {
        return requestHooks.get(context.apiKey()).onRequest(context, request);
    }

    CompletionStage<ResponseOutcome> response(InterceptorContext context, ApiMessage response) {
        return responseHooks.get(context.apiKey()).onResponse(context, response);
    }

    CompletionStage<ConnectionOutcome> connection(InterceptorContext context) {
        return connectionHook.onConnection(context);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends ApiMessage> Hooks onRequest(Class<T> type, RequestHook<? super T> hook) {
        requestHooks.put(ApiMessageTypes.ofRequest(type).orElseThrow(), (RequestHook<ApiMessage>) hook);
        return this;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends ApiMessage> Hooks onResponse(Class<T> type, ResponseHook<? super T> hook) {
        responseHooks.put(ApiMessageTypes.ofResponse(type).orElseThrow(), (ResponseHook<ApiMessage>) hook);
        return this;
    }

    @Override
    public Hooks onRequests(Collection<ApiKeys> apis, RequestHook<ApiMessage> hook) {
        apis.forEach(api -> requestHooks.put(api, hook));
        return this;
    }

    @Override
    public Hooks onResponses(Collection<ApiKeys> apis, ResponseHook<ApiMessage> hook) {
        apis.forEach(api -> responseHooks.put(api, hook));
        return this;
    }

    @Override
    public Hooks onConnection(ConnectionHook hook) {
        connectionHook = hook;
        return this;
    }
}
