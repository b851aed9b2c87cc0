package io.streamgate.plugins.headers.remove;

import io.streamgate.api.Interceptor;
import io.streamgate.api.InterceptorPlugin;
import io.streamgate.api.InvalidConfigException;
import io.streamgate.api.PluginConfig;
import io.streamgate.api.PluginContext;
import io.streamgate.plugins.headers.SchemaResource;
import io.streamgate.plugins.headers.TopicFilter;

import java.util.regex.Pattern;

/**
 * {@code remove-headers}: strips headers from fetched records. Configuration: {@code headerPattern}
 * (regular expression the whole header key must match; required), {@code topics} (regular expression;
 * default every topic).
 */
public final class RemoveHeadersPlugin implements InterceptorPlugin {

    public static final String ID = "remove-headers";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Remove headers";
    }

    @Override
    public String description() {
        return "Removes headers whose key matches a regular expression from the records consumers fetch; "
                + "the records stored in Kafka keep them.";
    }

    @Override
    public String configSchema() {
        return SchemaResource.load(RemoveHeadersPlugin.class, ID);
    }

    @Override
    public Interceptor create(PluginConfig config, PluginContext context) {
        Pattern headerPattern = config.pattern("headerPattern").orElseThrow(() ->
                new InvalidConfigException("headerPattern", "is required"));
        return new RemoveHeadersInterceptor(new HeaderRemoval(headerPattern), TopicFilter.from(config, "topics"));
    }
}
