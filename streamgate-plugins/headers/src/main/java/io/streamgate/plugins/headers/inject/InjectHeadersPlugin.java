package io.streamgate.plugins.headers.inject;

import io.streamgate.api.Interceptor;
import io.streamgate.api.InterceptorPlugin;
import io.streamgate.api.InvalidConfigException;
import io.streamgate.api.PluginConfig;
import io.streamgate.api.PluginContext;
import io.streamgate.plugins.headers.SchemaResource;
import io.streamgate.plugins.headers.TopicFilter;

import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code inject-headers}: adds headers to produced records, from templates. Configuration: {@code headers}
 * (name to template, at least one), {@code topics} (regular expression; default every topic),
 * {@code overrideExisting} (default false: a header the producer set is kept).
 */
public final class InjectHeadersPlugin implements InterceptorPlugin {

    public static final String ID = "inject-headers";

    private final Clock clock;

    public InjectHeadersPlugin() {
        this(Clock.systemUTC());
    }

    /** @param clock gives {@code {{timestamp}}} */
    public InjectHeadersPlugin(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Inject headers";
    }

    @Override
    public String description() {
        return "Adds headers to produced records, with values from templates such as {{user}}, {{clientId}}, "
                + "{{clientIp}}, {{timestamp}} or {{uuid}}.";
    }

    @Override
    public String configSchema() {
        return SchemaResource.load(InjectHeadersPlugin.class, ID);
    }

    @Override
    public Interceptor create(PluginConfig config, PluginContext context) {
        Map<String, String> templates = config.stringMap("headers");
        if (templates.isEmpty()) {
            throw new InvalidConfigException("headers", "at least one header is required");
        }
        Map<String, HeaderTemplate> headers = new LinkedHashMap<>();
        templates.forEach((name, template) -> {
            if (name.isEmpty()) {
                throw new InvalidConfigException("headers", "a header name cannot be empty");
            }
            headers.put(name, HeaderTemplate.parse("headers." + name, template));
        });
        return new InjectHeadersInterceptor(Collections.unmodifiableMap(headers), TopicFilter.from(config, "topics"),
                config.bool("overrideExisting", false), context.gatewayHost(), clock);
    }
}
