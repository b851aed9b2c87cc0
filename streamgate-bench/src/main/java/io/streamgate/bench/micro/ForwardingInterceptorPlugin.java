package io.streamgate.bench.micro;

import io.streamgate.api.Interceptor;
import io.streamgate.api.InterceptorPlugin;
import io.streamgate.api.PluginConfig;
import io.streamgate.api.PluginContext;
import io.streamgate.api.RequestOutcome;
import org.apache.kafka.common.message.ProduceRequestData;

/**
 * An interceptor that hooks Produce requests and forwards each one unchanged at once: the cheapest hook there is, so
 * that a chain of them measures the dispatch itself.
 */
final class ForwardingInterceptorPlugin implements InterceptorPlugin {

    static final String ID = "bench-forward-produce";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Forward Produce (benchmark)";
    }

    @Override
    public String description() {
        return "Hooks Produce requests and forwards them unchanged.";
    }

    @Override
    public String configSchema() {
        return "{\"type\": \"object\"}";
    }

    @Override
    public Interceptor create(PluginConfig config, PluginContext context) {
        return hooks -> hooks.onRequest(ProduceRequestData.class, (hookContext, request) -> RequestOutcome.forward());
    }
}
