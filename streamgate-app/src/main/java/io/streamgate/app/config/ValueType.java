package io.streamgate.app.config;

import io.streamgate.core.address.HostPort;
import com.fasterxml.jackson.databind.JsonNode;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The kind of value a configuration key holds, chosen from the Java type of its record component. Each kind reads
 * a value from YAML (typed) or from the environment and the command line (text) and says what it expected when it
 * cannot.
 */
sealed interface ValueType {

    /**
     * Reads the value.
     *
     * @throws InvalidValueException if the node does not hold a value of this kind
     */
    Object read(JsonNode node) throws InvalidValueException;

    /** What a valid value looks like, completing "expected ...". */
    String expectation();

    /** True for a map whose entries are named by the user, such as {@code upstream.properties}. */
    default boolean isOpenMap() {
        return false;
    }

    /** The kind of value {@code component} holds. */
    static ValueType of(RecordComponent component) {
        Class<?> type = component.getType();
        Range range = component.getAnnotation(Range.class);
        if (type == int.class) {
            return range == null ? new IntegerValue(Integer.MIN_VALUE, Integer.MAX_VALUE)
                    : new IntegerValue(range.min(), range.max());
        }
        if (type == OptionalInt.class) {
            return new NodeIdValue(range == null ? 0 : range.min());
        }
        if (type == Duration.class) {
            return new DurationValue();
        }
        if (type == String.class) {
            return new TextValue();
        }
        if (type == Path.class) {
            return new PathValue();
        }
        if (type == List.class && typeArgument(component.getGenericType(), 0) == HostPort.class) {
            return new HostPortListValue();
        }
        if (type == Map.class && typeArgument(component.getGenericType(), 0) == String.class
                && typeArgument(component.getGenericType(), 1) == String.class) {
            return new OpenMapValue();
        }
        throw new IllegalStateException("no configuration value type for " + component.getGenericType()
                + " " + component.getName() + ": add one to ValueType");
    }

    private static Type typeArgument(Type type, int index) {
        return type instanceof ParameterizedType parameterized ? parameterized.getActualTypeArguments()[index] : null;
    }

    /** An integer within inclusive bounds. */
    record IntegerValue(long min, long max) implements ValueType {

        @Override
        public Object read(JsonNode node) throws InvalidValueException {
            long value;
            if (node.isIntegralNumber() && node.canConvertToLong()) {
                value = node.longValue();
            } else if (node.isTextual()) {
                try {
                    value = Long.parseLong(node.textValue().trim());
                } catch (NumberFormatException e) {
                    throw new InvalidValueException();
                }
            } else {
                throw new InvalidValueException();
            }
            if (value < min || value > max) {
                throw new InvalidValueException();
            }
            return (int) value;
        }

        @Override
        public String expectation() {
            if (min == Integer.MIN_VALUE && max == Integer.MAX_VALUE) {
                return "an integer";
            }
            return max == Integer.MAX_VALUE ? "an integer >= " + min : "an integer " + min + ".." + max;
        }
    }

    /** A node id, or {@code auto} (empty) to let the gateway pick the lowest one it sees. */
    record NodeIdValue(long min) implements ValueType {

        @Override
        public Object read(JsonNode node) throws InvalidValueException {
            if (node.isTextual() && node.textValue().trim().equalsIgnoreCase("auto")) {
                return OptionalInt.empty();
            }
            return OptionalInt.of((Integer) new IntegerValue(min, Integer.MAX_VALUE).read(node));
        }

        @Override
        public String expectation() {
            return "'auto' or an integer >= " + min;
        }
    }

    /** A duration: {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}, {@code 1d} or ISO-8601 such as {@code PT10S}. */
    record DurationValue() implements ValueType {

        @Override
        public Object read(JsonNode node) throws InvalidValueException {
            if (!node.isTextual()) {
                // A bare number has no unit; guessing one would make "shutdownTimeout: 10" mean 10 ms or 10 s.
                throw new InvalidValueException();
            }
            try {
                return DurationText.parse(node.textValue());
            } catch (IllegalArgumentException e) {
                throw new InvalidValueException();
            }
        }

        @Override
        public String expectation() {
            return "a duration such as 500ms, 10s, 2m, 1h or PT10S";
        }
    }

    /** Non-blank text; YAML numbers and booleans are taken as their text. */
    record TextValue() implements ValueType {

        @Override
        public Object read(JsonNode node) throws InvalidValueException {
            if (!node.isValueNode() || node.isNull() || node.asText().isBlank()) {
                throw new InvalidValueException();
            }
            return node.asText().trim();
        }

        @Override
        public String expectation() {
            return "a non-empty string";
        }
    }

    /** A file system path, relative to the working directory unless absolute. */
    record PathValue() implements ValueType {

        @Override
        public Object read(JsonNode node) throws InvalidValueException {
            String text = (String) new TextValue().read(node);
            try {
                return Path.of(text);
            } catch (RuntimeException e) {
                throw new InvalidValueException();
            }
        }

        @Override
        public String expectation() {
            return "a file system path";
        }
    }

    /** {@code host:port} pairs: a comma-separated string, or a YAML list; empty is allowed. */
    record HostPortListValue() implements ValueType {

        @Override
        public Object read(JsonNode node) throws InvalidValueException {
            List<String> items = new ArrayList<>();
            if (node.isTextual()) {
                for (String item : node.textValue().split(",")) {
                    if (!item.isBlank()) {
                        items.add(item);
                    }
                }
            } else if (node.isArray()) {
                for (JsonNode element : node) {
                    if (!element.isTextual()) {
                        throw new InvalidValueException();
                    }
                    items.add(element.textValue());
                }
            } else {
                throw new InvalidValueException();
            }
            List<HostPort> servers = new ArrayList<>(items.size());
            for (String item : items) {
                try {
                    servers.add(HostPort.parse(item));
                } catch (IllegalArgumentException e) {
                    throw new InvalidValueException();
                }
            }
            return List.copyOf(servers);
        }

        @Override
        public String expectation() {
            return "HOST:PORT[,HOST:PORT...]";
        }
    }

    /** Entries named by the user, each a scalar taken as text. */
    record OpenMapValue() implements ValueType {

        @Override
        public Object read(JsonNode node) throws InvalidValueException {
            if (!node.isObject()) {
                throw new InvalidValueException();
            }
            Map<String, String> entries = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                entries.put(entry.getKey(), readEntry(entry.getValue()));
            }
            return entries;
        }

        /** One entry's value: any scalar, as text. */
        String readEntry(JsonNode value) throws InvalidValueException {
            if (!value.isValueNode() || value.isNull()) {
                throw new InvalidValueException();
            }
            return value.asText();
        }

        @Override
        public String expectation() {
            return "a map of names to values";
        }

        @Override
        public boolean isOpenMap() {
            return true;
        }
    }
}
