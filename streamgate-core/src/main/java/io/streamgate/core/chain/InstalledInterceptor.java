package io.streamgate.core.chain;

import io.streamgate.api.ConnectionHook;
import io.streamgate.api.Interceptor;
import io.streamgate.api.RequestHook;
import io.streamgate.api.ResponseHook;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;

/**
 * A running interceptor: its definition, the instance its plugin created, and the hooks it registered.
 * Immutable; shared by every connection whose chain contains it.
 */
public final class InstalledInterceptor {

    private final InterceptorDefinition definition;
    private final Interceptor interceptor;
    private final HookTable hooks;

    InstalledInterceptor(InterceptorDefinition definition, Interceptor interceptor, HookTable hooks) {
        this.definition = definition;
        this.interceptor = interceptor;
        this.hooks = hooks;
    }

    public InterceptorDefinition definition() {
        return definition;
    }

    public String name() {
        return definition.name();
    }

    public RequestHook<ApiMessage> requestHook(ApiKeys apiKey) {
        return hooks.requestHook(apiKey);
    }

    public ResponseHook<ApiMessage> responseHook(ApiKeys apiKey) {
        return hooks.responseHook(apiKey);
    }

    /** The hook deciding about whole connections, or null when the interceptor has none. */
    public ConnectionHook connectionHook() {
        return hooks.connectionHook();
    }

    HookTable hooks() {
        return hooks;
    }

    Interceptor interceptor() {
        return interceptor;
    }

    @Override
    public String toString() {
        return definition.key().toString();
    }
}
