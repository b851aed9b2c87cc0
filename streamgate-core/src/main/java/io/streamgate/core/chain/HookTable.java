package io.streamgate.core.chain;

import io.streamgate.api.ApiMessageTypes;
import io.streamgate.api.ConnectionHook;
import io.streamgate.api.Hooks;
import io.streamgate.api.RequestHook;
import io.streamgate.api.ResponseHook;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The hooks one interceptor registered, by API. Filled once through {@link Hooks} when the interceptor is
 * installed, then read-only.
 */
public final class HookTable implements Hooks {

    private final Map<ApiKeys, RequestHook<ApiMessage>> requestHooks = new EnumMap<>(ApiKeys.class);
    private final Map<ApiKeys, ResponseHook<ApiMessage>> responseHooks = new EnumMap<>(ApiKeys.class);
    private ConnectionHook connectionHook;
    private boolean sealed;

    @Override
    @SuppressWarnings("unchecked")
    public <T extends ApiMessage> Hooks onRequest(Class<T> type, RequestHook<? super T> hook) {
        ApiKeys apiKey = ApiMessageTypes.ofRequest(type).orElseThrow(() ->
                new IllegalArgumentException(type.getName() + " is not a request message class"));
        put(requestHooks, apiKey, (RequestHook<ApiMessage>) hook);
        return this;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends ApiMessage> Hooks onResponse(Class<T> type, ResponseHook<? super T> hook) {
        ApiKeys apiKey = ApiMessageTypes.ofResponse(type).orElseThrow(() ->
                new IllegalArgumentException(type.getName() + " is not a response message class"));
        put(responseHooks, apiKey, (ResponseHook<ApiMessage>) hook);
        return this;
    }

    @Override
    public Hooks onRequests(Collection<ApiKeys> apis, RequestHook<ApiMessage> hook) {
        apis.forEach(apiKey -> put(requestHooks, apiKey, hook));
        return this;
    }

    @Override
    public Hooks onResponses(Collection<ApiKeys> apis, ResponseHook<ApiMessage> hook) {
        apis.forEach(apiKey -> put(responseHooks, apiKey, hook));
        return this;
    }

    @Override
    public Hooks onConnection(ConnectionHook hook) {
        if (sealed) {
            throw new IllegalStateException("hooks can only be registered in Interceptor.registerHooks");
        }
        connectionHook = hook;
        return this;
    }

    private <H> void put(Map<ApiKeys, H> hooks, ApiKeys apiKey, H hook) {
        if (sealed) {
            throw new IllegalStateException("hooks can only be registered in Interceptor.registerHooks");
        }
        hooks.put(apiKey, hook);
    }

    void seal() {
        sealed = true;
    }

    RequestHook<ApiMessage> requestHook(ApiKeys apiKey) {
        return requestHooks.get(apiKey);
    }

    ResponseHook<ApiMessage> responseHook(ApiKeys apiKey) {
        return responseHooks.get(apiKey);
    }

    /** The connection hook, or null. */
    ConnectionHook connectionHook() {
        return connectionHook;
    }

    Set<ApiKeys> requestApis() {
        return requestHooks.keySet();
    }

    Set<ApiKeys> responseApis() {
        return responseHooks.keySet();
    }
}
