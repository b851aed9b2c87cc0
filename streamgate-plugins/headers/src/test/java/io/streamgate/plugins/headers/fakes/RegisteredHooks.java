package io.streamgate.plugins.headers.fakes;

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
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** The hooks an interceptor registers, by message class, callable as the gateway would call them. */
public final class RegisteredHooks implements Hooks {

    private final Map<Class<?>, RequestHook<?>> requestHooks = new HashMap<>();
    private final Map<Class<?>, ResponseHook<?>> responseHooks = new HashMap<>();

    public static RegisteredHooks of(Interceptor interceptor) {
        RegisteredHooks hooks = new RegisteredHooks();
        interceptor.registerHooks(hooks);
        return hooks;
    }

    @Override
    public <T extends ApiMessage> Hooks onRequest(Class<T> type, RequestHook<? super T> hook) {
        requestHooks.put(type, hook);
        return this;
    }

    @Override
    public <T extends ApiMessage> Hooks onResponse(Class<T> type, ResponseHook<? super T> hook) {
        responseHooks.put(type, hook);
        return this;
    }

    @Override
    public Hooks onRequests(Collection<ApiKeys> apis, RequestHook<ApiMessage> hook) {
        throw new UnsupportedOperationException("typed hooks only");
    }

    @Override
    public Hooks onResponses(Collection<ApiKeys> apis, ResponseHook<ApiMessage> hook) {
        throw new UnsupportedOperationException("typed hooks only");
    }

    public boolean handlesRequest(Class<? extends ApiMessage> type) {
        return requestHooks.containsKey(type);
    }

    public boolean handlesResponse(Class<? extends ApiMessage> type) {
        return responseHooks.containsKey(type);
    }

    /** Runs the request hook for {@code request}'s class and waits for its outcome. */
    @SuppressWarnings("unchecked")
    public <T extends ApiMessage> RequestOutcome request(InterceptorContext context, T request) {
        RequestHook<T> hook = (RequestHook<T>) requestHooks.get(request.getClass());
        if (hook == null) {
            throw new AssertionError("no request hook for " + request.getClass().getSimpleName());
        }
        return join(hook.onRequest(context, request));
    }

    /** Runs the response hook for {@code response}'s class and waits for its outcome. */
    @SuppressWarnings("unchecked")
    public <T extends ApiMessage> ResponseOutcome response(InterceptorContext context, T response) {
        ResponseHook<T> hook = (ResponseHook<T>) responseHooks.get(response.getClass());
        if (hook == null) {
            throw new AssertionError("no response hook for " + response.getClass().getSimpleName());
        }
        return join(hook.onResponse(context, response));
    }

    private static <T> T join(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }
}
