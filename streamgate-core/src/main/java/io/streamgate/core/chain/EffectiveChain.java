package io.streamgate.core.chain;

import org.apache.kafka.common.protocol.ApiKeys;

import java.util.ArrayList;
import java.util.List;

/**
 * The interceptors that apply to one connection, in priority order, indexed by API so that the request
 * path asks "does anyone want this API decoded?" with an array lookup. Immutable.
 */
public final class EffectiveChain {

    private static final InstalledInterceptor[] NONE = new InstalledInterceptor[0];

    public static final EffectiveChain EMPTY = new EffectiveChain(List.of());

    private final List<InstalledInterceptor> ordered;
    private final InstalledInterceptor[][] requestStages;
    private final InstalledInterceptor[][] responseStages;
    private final List<InstalledInterceptor> connectionStages;
    private final boolean hasConnectionHooks;

    EffectiveChain(List<InstalledInterceptor> ordered) {
        this.ordered = List.copyOf(ordered);
        int maxId = 0;
        for (ApiKeys apiKey : ApiKeys.values()) {
            maxId = Math.max(maxId, apiKey.id);
        }
        requestStages = new InstalledInterceptor[maxId + 1][];
        responseStages = new InstalledInterceptor[maxId + 1][];
        for (ApiKeys apiKey : ApiKeys.values()) {
            requestStages[apiKey.id] = stages(apiKey, true);
            responseStages[apiKey.id] = stages(apiKey, false);
        }
        connectionStages = this.ordered.stream().filter(interceptor -> interceptor.connectionHook() != null).toList();
        hasConnectionHooks = !connectionStages.isEmpty();
    }

    private InstalledInterceptor[] stages(ApiKeys apiKey, boolean requests) {
        List<InstalledInterceptor> stages = new ArrayList<>();
        for (InstalledInterceptor interceptor : ordered) {
            if ((requests ? interceptor.hooks().requestApis() : interceptor.hooks().responseApis()).contains(apiKey)) {
                stages.add(interceptor);
            }
        }
        return stages.isEmpty() ? NONE : stages.toArray(InstalledInterceptor[]::new);
    }

    /** The interceptors, lowest priority value first. */
    public List<InstalledInterceptor> interceptors() {
        return ordered;
    }

    public boolean isEmpty() {
        return ordered.isEmpty();
    }

    /** The interceptors with a request hook for {@code apiKey}, in the order they run (ascending priority). */
    public InstalledInterceptor[] requestStages(ApiKeys apiKey) {
        return requestStages[apiKey.id];
    }

    /**
     * The interceptors with a response hook for {@code apiKey}, ascending priority; responses run them from
     * the last to the first.
     */
    public InstalledInterceptor[] responseStages(ApiKeys apiKey) {
        return responseStages[apiKey.id];
    }

    /** Whether any interceptor of the chain has a connection hook: the one check a request pays when none has. */
    public boolean hasConnectionHooks() {
        return hasConnectionHooks;
    }

    /** The interceptors with a connection hook, in the order they run (ascending priority). */
    public List<InstalledInterceptor> connectionStages() {
        return connectionStages;
    }

    /** The position of {@code interceptor} in this chain, or -1. */
    public int positionOf(InstalledInterceptor interceptor) {
        return ordered.indexOf(interceptor);
    }
}
