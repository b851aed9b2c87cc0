package io.streamgate.admin.interceptors;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamgate.admin.time.DurationText;
import io.streamgate.state.InvalidResourceException;
import io.streamgate.state.document.ResourceDocuments;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code spec} of an {@code Interceptor} resource:
 *
 * <pre>{@code
 * spec:
 *   plugin: inject-headers      # required: a plugin id
 *   priority: 100               # a whole number, default 100; lower runs first on requests
 *   timeout: 5s                 # how long one hook call may take: 500ms, 5s, 2m, 1h or ISO-8601 (PT5S); default 10s
 *   config: {headers: {...}}    # the plugin's configuration, an object; default {}
 * }</pre>
 *
 * Reading is strict: an unknown field or a value of the wrong type is an {@link InvalidResourceException} naming the
 * field ({@code spec.priority}). Whether the configuration suits the plugin is not checked here but by the registry.
 *
 * @param plugin the plugin id
 * @param priority the position in the chain
 * @param config the plugin configuration as plain JSON values (maps, lists, strings, numbers, booleans, nulls)
 * @param timeout how long one hook call may take
 */
public record InterceptorSpec(String plugin, int priority, Map<String, Object> config, Duration timeout) {

    public static final int DEFAULT_PRIORITY = 100;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    static final List<String> FIELDS = List.of("plugin", "priority", "config", "timeout");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> PLAIN_OBJECT = new TypeReference<>() { };

    public InterceptorSpec {
        Objects.requireNonNull(plugin, "plugin");
        config = config == null ? Map.of() : config;
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    }

    /**
     * @throws InvalidResourceException naming the offending field of {@code spec}
     */
    public static InterceptorSpec read(ObjectNode spec) {
        for (Iterator<String> names = spec.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new InvalidResourceException("spec." + name, "unknown field; an interceptor's spec has "
                        + String.join(", ", FIELDS));
            }
        }
        return new InterceptorSpec(plugin(spec.get("plugin")), priority(spec.get("priority")),
                config(spec.get("config")), timeout(spec.get("timeout")));
    }

    /** This spec as a document tree, in the field order of {@link #FIELDS}; the timeout in its shortest form. */
    public ObjectNode toNode() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("plugin", plugin);
        node.put("priority", priority);
        node.set("config", JSON.valueToTree(config));
        node.put("timeout", format(timeout));
        return node;
    }

    /** {@code 10s}, {@code 500ms}, {@code 2m}: the shortest exact form. */
    public static String format(Duration duration) {
        return DurationText.format(duration);
    }

    private static String plugin(JsonNode value) {
        if (value == null || value.isNull()) {
            throw new InvalidResourceException("spec.plugin", "required: the id of a plugin (GET /api/v1/plugins "
                    + "lists them)");
        }
        if (!value.isTextual() || value.textValue().isBlank()) {
            throw new InvalidResourceException("spec.plugin", "expected a plugin id, not " + describe(value));
        }
        return value.textValue();
    }

    private static int priority(JsonNode value) {
        if (value == null || value.isNull()) {
            return DEFAULT_PRIORITY;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new InvalidResourceException("spec.priority", "expected a whole number from " + Integer.MIN_VALUE
                    + " to " + Integer.MAX_VALUE + ", not " + describe(value));
        }
        return value.intValue();
    }

    private static Map<String, Object> config(JsonNode value) {
        if (value == null || value.isNull()) {
            return Map.of();
        }
        if (!value.isObject()) {
            throw new InvalidResourceException("spec.config", "expected an object, not " + describe(value));
        }
        return JSON.convertValue(value, PLAIN_OBJECT);
    }

    private static Duration timeout(JsonNode value) {
        if (value == null || value.isNull()) {
            return DEFAULT_TIMEOUT;
        }
        String expected = "expected a positive duration such as 500ms, 5s, 2m, 1h or PT5S";
        if (!value.isTextual()) {
            // A bare number has no unit; guessing one would make "timeout: 5" mean 5 ms or 5 s.
            throw new InvalidResourceException("spec.timeout", expected + ", not " + describe(value));
        }
        Duration duration = DurationText.parse(value.textValue()).orElse(null);
        if (duration == null || duration.isZero() || duration.isNegative()) {
            throw new InvalidResourceException("spec.timeout", expected + ", not '" + value.textValue() + "'");
        }
        return duration;
    }

    private static String describe(JsonNode value) {
        return ResourceDocuments.describe(value);
    }
}
