package io.streamgate.core.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import io.streamgate.api.InterceptorPlugin;
import io.streamgate.core.EnvironmentReferences;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks an interceptor configuration against its plugin's JSON Schema, and replaces {@code ${VAR}}
 * references by environment variables, so that secrets stay out of stored resources (the stored config
 * keeps the reference; only the running interceptor sees the value). Thread-safe; compiled schemas are
 * cached per plugin.
 */
final class PluginConfigValidator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONFIG_FIELD = "spec.config";

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
    private final EnvironmentReferences environment;

    PluginConfigValidator(Map<String, String> environment) {
        this.environment = new EnvironmentReferences(environment);
    }

    /**
     * The configuration, schema-checked, with environment references replaced.
     *
     * @throws InvalidInterceptorException naming the first offending field
     */
    Map<String, Object> validate(InterceptorPlugin plugin, Map<String, Object> config) {
        Schema schema = schemas.computeIfAbsent(plugin.id(), id -> compile(plugin));
        Map<String, Object> expanded = expandObject(config, CONFIG_FIELD);
        List<Error> errors = schema.validate(JSON.valueToTree(expanded));
        if (!errors.isEmpty()) {
            Error first = errors.get(0);
            throw new InvalidInterceptorException(CONFIG_FIELD + dotted(first.getInstanceLocation()), first.getMessage()
                    .replaceFirst("^\\$[^:]*: ", "") + (errors.size() > 1 ? " (and " + (errors.size() - 1)
                    + " more problem(s))" : ""));
        }
        return expanded;
    }

    /** A schema location as the dotted path operators write: {@code .headers.x-user}, {@code .rules[0].path}. */
    private static String dotted(NodePath location) {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            path.append(element instanceof Integer index ? "[" + index + "]" : "." + element);
        }
        return path.toString();
    }

    private Schema compile(InterceptorPlugin plugin) {
        try {
            JsonNode schema = JSON.readTree(plugin.configSchema());
            return registry.getSchema(schema.toString());
        } catch (Exception e) {
            throw new IllegalStateException("plugin " + plugin.id() + " has an invalid configuration schema: "
                    + e.getMessage(), e);
        }
    }

    private Map<String, Object> expandObject(Map<String, Object> object, String path) {
        Map<String, Object> expanded = new LinkedHashMap<>();
        object.forEach((key, value) -> expanded.put(key, expand(value, path + "." + key)));
        return expanded;
    }

    @SuppressWarnings("unchecked")
    private Object expand(Object value, String path) {
        if (value instanceof String text) {
            try {
                return environment.expand(text);
            } catch (EnvironmentReferences.UnsetVariableException e) {
                throw new InvalidInterceptorException(path, "environment variable " + e.variable() + " is not set");
            }
        }
        if (value instanceof Map<?, ?> map) {
            return expandObject((Map<String, Object>) map, path);
        }
        if (value instanceof List<?> list) {
            List<Object> expanded = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                expanded.add(expand(list.get(i), path + "[" + i + "]"));
            }
            return expanded;
        }
        return value;
    }
}
