package io.streamgate.plugins.testkit;

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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * The hooks an interceptor registers, typed or generic, by API, callable as the gateway would call them.
 *
 * <p>As in the gateway: a typed hook counts for the API of its message class, a later hook for an API replaces
 * an earlier one, and hooks can be registered only during {@link Interceptor#registerHooks(Hooks)}, that is
 * within {@link #of(Interceptor)}. {@link #request} and {@link #response} pick the hook by the context's
 * {@link InterceptorContext#apiKey() API}, run it on the calling thread and wait for its outcome; a message
 * that does not belong to that API, or an API without a hook, fails the test. {@link #connection} runs the
 * connection hook the same way (its context's API is that of the request that would trigger it).
 */
public final class RegisteredHooks implements Hooks {

    private final Map<ApiKeys, RequestHook<ApiMessage>> requestHooks = new EnumMap<>(ApiKeys.class);
    private final Map<ApiKeys, ResponseHook<ApiMessage>> responseHooks = new EnumMap<>(ApiKeys.class);
    private ConnectionHook connectionHook;
    private boolean sealed;

    private RegisteredHooks() {
    }

    /** The hooks {@code interceptor} registers in {@link Interceptor#registerHooks(Hooks)}. */
    public static RegisteredHooks of(Interceptor interceptor) {
        RegisteredHooks hooks = new RegisteredHooks();
        interceptor.registerHooks(hooks);
        hooks.sealed = true;
        return hooks;
    }

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

    /** The APIs whose requests have a hook. */
    public Set<ApiKeys> requestApis() {
        return requestHooks.keySet();
    }

    /** The APIs whose responses have a hook. */
    public Set<ApiKeys> responseApis() {
        return responseHooks.keySet();
    }

    /** Whether requests of the API of {@code type}, e.g. {@code FetchRequestData.class}, have a hook. */
    public boolean handlesRequest(Class<? extends ApiMessage> type) {
        return ApiMessageTypes.ofRequest(type).map(requestHooks::containsKey).orElse(false);
    }

    /** Whether responses of the API of {@code type}, e.g. {@code FetchResponseData.class}, have a hook. */
    public boolean handlesResponse(Class<? extends ApiMessage> type) {
        return ApiMessageTypes.ofResponse(type).map(responseHooks::containsKey).orElse(false);
    }

    /** Whether the interceptor has a connection hook. */
    public boolean handlesConnections() {
        return connectionHook != null;
    }

    /** Runs the connection hook with {@code context} and waits for its outcome. */
    public ConnectionOutcome connection(InterceptorContext context) {
        if (connectionHook == null) {
            throw new AssertionError("no connection hook");
        }
        return join(connectionHook.onConnection(context));
    }

    /** Runs the request hook for {@code context}'s API on {@code request} and waits for its outcome. */
    public RequestOutcome request(InterceptorContext context, ApiMessage request) {
        ApiKeys apiKey = context.apiKey();
        check("request", ApiMessageTypes.ofRequest(request.getClass()), apiKey, request);
        RequestHook<ApiMessage> hook = requestHooks.get(apiKey);
        if (hook == null) {
            throw new AssertionError("no request hook for " + apiKey.name);
        }
        return join(hook.onRequest(context, request));
    }

    /** Runs the response hook for {@code context}'s API on {@code response} and waits for its outcome. */
    public ResponseOutcome response(InterceptorContext context, ApiMessage response) {
        ApiKeys apiKey = context.apiKey();
        check("response", ApiMessageTypes.ofResponse(response.getClass()), apiKey, response);
        ResponseHook<ApiMessage> hook = responseHooks.get(apiKey);
        if (hook == null) {
            throw new AssertionError("no response hook for " + apiKey.name);
        }
        return join(hook.onResponse(context, response));
    }

    private static void check(String kind, Optional<ApiKeys> messageApi, ApiKeys contextApi, ApiMessage message) {
        if (!messageApi.equals(Optional.of(contextApi))) {
            throw new IllegalArgumentException(message.getClass().getSimpleName() + " is not a " + kind + " of "
                    + contextApi.name + ", the API of the context");
        }
    }

    private static <T> T join(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }
}
