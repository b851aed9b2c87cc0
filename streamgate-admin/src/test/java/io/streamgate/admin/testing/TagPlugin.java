package io.streamgate.admin.testing;

import io.streamgate.api.Interceptor;
import io.streamgate.api.InterceptorPlugin;
import io.streamgate.api.InvalidConfigException;
import io.streamgate.api.PluginConfig;
import io.streamgate.api.PluginContext;
import io.streamgate.api.RequestOutcome;
import org.apache.kafka.common.message.ProduceRequestData;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny plugin for the admin tests: its configuration is {@code {headers: {name: value, ...}, mode: a|b}}, closed
 * to other fields, and it refuses a header named {@code forbidden} the way a plugin refuses what its schema cannot
 * express. Its interceptors forward every Produce request unchanged.
 */
public final class TagPlugin implements InterceptorPlugin {

    public static final String ID = "test-tag";

    /** Interceptors created and not closed yet, over every instance. */
    public static final AtomicInteger OPEN = new AtomicInteger();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Tag";
    }

    @Override
    public String description() {
        return "Tags produced records (a plugin for the admin tests).";
    }

    @Override
    public String version() {
        return "1.2.3";
    }

    @Override
    public String configSchema() {
        return """
                {"$schema": "https://json-schema.org/draft/2020-12/schema",
                 "type": "object",
                 "properties": {
                   "headers": {"type": "object", "minProperties": 1, "additionalProperties": {"type": "string"}},
                   "mode": {"enum": ["a", "b"]}
                 },
                 "required": ["headers"],
                 "additionalProperties": false}""";
    }

    @Override
    public Interceptor create(PluginConfig config, PluginContext context) {
        if (config.stringMap("headers").containsKey("forbidden")) {
            throw new InvalidConfigException("headers.forbidden", "this header name is reserved");
        }
        OPEN.incrementAndGet();
        return new Interceptor() {
            @Override
            public void registerHooks(io.streamgate.api.Hooks hooks) {
                hooks.onRequest(ProduceRequestData.class, (ctx, produce) -> RequestOutcome.forward());
            }

            @Override
            public void close() {
                OPEN.decrementAndGet();
            }
        };
    }
}
