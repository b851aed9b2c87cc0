package io.streamgate.plugins.audit.fakes;

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
import java.util.Set;

/** The generic hooks an interceptor registers, by API, callable as the gateway would call them. */
public final class RegisteredHooks implements Hooks {

    private final Map<ApiKeys, RequestHook<ApiMessage>> requestHooks = new EnumMap<>(ApiKeys.class);
    private final Map<ApiKeys, ResponseHook<ApiMessage>> responseHooks = new EnumMap<>(ApiKeys.class);

    public static RegisteredHooks of(Interceptor interceptor) {
        RegisteredHooks hooks = new RegisteredHooks();
        interceptor.registerHooks(hooks);
        return hooks;
    }

    @Override
    public <T extends ApiMessage> Hooks onRequest(Class<T> type, RequestHook<? super T> hook) {
        throw new UnsupportedOperationException("generic hooks only");
    }

    @Override
    public <T extends ApiMessage> Hooks onResponse(Class<T> type, ResponseHook<? super T> hook) {
        throw new UnsupportedOperationException("generic hooks only");
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

    public Set<ApiKeys> requestApis() {
        return requestHooks.keySet();
    }

    public Set<ApiKeys> responseApis() {
        return responseHooks.keySet();
    }

    public RequestOutcome request(InterceptorContext context, ApiMessage request) {
        return requestHooks.get(context.apiKey()).onRequest(context, request).toCompletableFuture().join();
    }

    public ResponseOutcome response(InterceptorContext context, ApiMessage response) {
        return responseHooks.get(context.apiKey()).onResponse(context, response).toCompletableFuture().join();
    }
}
