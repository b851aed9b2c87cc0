package io.streamgate.app.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Binds a merged layer to the configuration records, component by component, collecting every bad value as a
 * problem that names the key, what was expected, what was found and which source it came from.
 */
final class RecordBinder {

    private final ConfigSchema schema;
    private final ConfigLayer merged;
    private final List<String> problems = new ArrayList<>();

    private RecordBinder(ConfigSchema schema, ConfigLayer merged) {
        this.schema = schema;
        this.merged = merged;
    }

    /**
     * @throws ConfigException listing every value that cannot be bound
     */
    static <R extends Record> R bind(Class<R> type, ConfigSchema schema, ConfigLayer merged) {
        RecordBinder binder = new RecordBinder(schema, merged);
        R bound = binder.bindRecord(type, "");
        if (!binder.problems.isEmpty()) {
            throw new ConfigException(binder.problems);
        }
        return bound;
    }

    private <R> R bindRecord(Class<R> type, String prefix) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            String name = prefix.isEmpty() ? component.getName() : prefix + "." + component.getName();
            types[i] = component.getType();
            values[i] = component.getType().isRecord()
                    ? bindRecord(component.getType(), name)
                    : bindValue(schema.key(name).orElseThrow());
        }
        if (!problems.isEmpty()) {
            return null;
        }
        try {
            Constructor<R> constructor = type.getDeclaredConstructor(types);
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            problems.add(prefix + ": " + e.getCause().getMessage());
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type, e);
        }
    }

    private Object bindValue(ConfigKey key) {
        Optional<JsonNode> node = merged.value(key);
        if (node.isEmpty()) {
            problems.add(key.name() + ": no value");
            return null;
        }
        if (key.isOpenMap()) {
            return bindOpenMap(key, node.get());
        }
        try {
            return key.type().read(node.get());
        } catch (InvalidValueException e) {
            if (e.detail() != null) {
                problems.add(key.name() + e.detail() + " (" + merged.origin(key.name()) + ")");
            } else if (key.type().isSensitive()) {
                // The value may hold secrets: name the key and the source, never the text.
                problems.add(key.name() + ": expected " + key.expectation() + " (" + merged.origin(key.name()) + ")");
            } else {
                problems.add(describe(key.name(), key.expectation(), node.get()));
            }
            return null;
        }
    }

    private Map<String, String> bindOpenMap(ConfigKey key, JsonNode node) {
        ValueType.OpenMapValue type = (ValueType.OpenMapValue) key.type();
        Map<String, String> entries = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String name = key.name() + "." + entry.getKey();
            if (entry.getKey().isBlank()) {
                problems.add(key.name() + ": entry names must not be empty (" + merged.origin(name) + ")");
                continue;
            }
            try {
                entries.put(entry.getKey(), type.readEntry(entry.getValue()));
            } catch (InvalidValueException e) {
                problems.add(describe(name, "a single value", entry.getValue()));
            }
        }
        return entries;
    }

    private String describe(String name, String expectation, JsonNode found) {
        String text = found.isTextual() ? found.textValue() : found.toString();
        return name + ": expected " + expectation + ", got '" + text + "' (" + merged.origin(name) + ")";
    }
}
