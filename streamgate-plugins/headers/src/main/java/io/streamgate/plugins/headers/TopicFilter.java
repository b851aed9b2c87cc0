package io.streamgate.plugins.headers;

import io.streamgate.api.PluginConfig;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which topics an interceptor applies to: every topic, or those whose whole name matches a regular
 * expression. A topic whose name is unknown (an id the cluster does not know) counts as selected, so that a
 * protecting interceptor fails closed.
 *
 * @param pattern the expression names must match entirely, or empty for every topic
 */
public record TopicFilter(Optional<Pattern> pattern) {

    public static final TopicFilter ALL = new TopicFilter(Optional.empty());

    /** The filter the configuration field {@code field} describes; every topic when it is absent. */
    public static TopicFilter from(PluginConfig config, String field) {
        return new TopicFilter(config.pattern(field));
    }

    /** Whether names must be known to decide, i.e. whether topic ids are worth resolving. */
    public boolean needsNames() {
        return pattern.isPresent();
    }

    /** @param topicName the topic's name, or null when it could not be resolved */
    public boolean selects(String topicName) {
        return topicName == null || pattern.isEmpty() || pattern.get().matcher(topicName).matches();
    }
}
